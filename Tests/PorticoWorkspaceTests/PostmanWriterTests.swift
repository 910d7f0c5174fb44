import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

/// The v2.1 download: structure, default deny, variables, credentials and environments.
@Suite("Postman writer: the partner download")
struct PostmanWriterTests {
    typealias T = PostmanTestSupport

    private func written(_ json: String) throws -> (value: JSONValue, text: String) {
        let value = PostmanWriter.collectionJSON(try T.collection(json))
        return (value, JSONSerializer.serialize(value))
    }

    @Test("writes a v2.1.0 collection with info, items, request parts and examples")
    func structure() throws {
        let (value, _) = try written(T.wrap(items: #"""
        {"name": "F", "description": {"content": "plain *text*", "type": "text/plain"}, "item": [
          {"name": "R", "description": "item text", "request": {"method": "post",
            "header": [{"key": "Accept", "value": "application/json"}, {"key": "X-Off", "value": "1", "disabled": true}],
            "url": {"raw": "{{base}}/a?x=1&flag", "host": ["{{base}}"], "path": ["a"],
                    "query": [{"key": "x", "value": "1"}, {"key": "flag", "value": null}],
                    "variable": [{"key": "id", "value": "", "description": "The id"}]},
            "body": {"mode": "raw", "raw": "{}", "options": {"raw": {"language": "json"}}},
            "description": "request text"},
           "response": [{"name": "OK", "code": 200, "status": "OK", "header": [{"key": "Content-Type", "value": "application/json"}],
                         "body": "{}", "_postman_previewlanguage": "json", "originalRequest": {"method": "POST", "url": "{{base}}/a"}}]}
        ]}
        """#))
        #expect(value["info"]?["schema"] == .string("https://schema.getpostman.com/json/collection/v2.1.0/collection.json"))
        #expect(value["info"]?["name"] == .string("T"))
        let folder = try #require(value["item"]?.arrayValue?.first)
        #expect(folder["description"] == .object([("content", .string("plain *text*")), ("type", .string("text/plain"))]))
        let item = try #require(folder["item"]?.arrayValue?.first)
        #expect(item["description"] == .string("item text"))
        let request = try #require(item["request"])
        #expect(request["method"] == .string("POST"))
        #expect(request["description"] == .string("request text"))
        #expect(request["header"]?.arrayValue?.last == .object([("key", .string("X-Off")), ("value", .string("1")), ("disabled", .bool(true))]))
        #expect(request["url"]?["raw"] == .string("{{base}}/a?x=1&flag"))
        #expect(request["url"]?["query"]?.arrayValue?.last == .object([("key", .string("flag")), ("value", .null)]))
        #expect(request["url"]?["variable"]?.arrayValue?.first?["description"] == .string("The id"))
        #expect(request["body"] == .object([("mode", .string("raw")), ("raw", .string("{}")),
                                            ("options", .object([("raw", .object([("language", .string("json"))]))]))]))
        let example = try #require(item["response"]?.arrayValue?.first)
        #expect(example["code"] == .number("200"))
        #expect(example["_postman_previewlanguage"] == .string("json"))
        #expect(example["originalRequest"]?["url"]?["raw"] == .string("{{base}}/a"))
    }

    @Test("never writes scripts, protocol settings or unknown keys from the input")
    func defaultDeny() throws {
        let (_, text) = try written(T.wrap(items: #"""
        {"name": "R", "request": {"url": "https://x.test"}, "event": [{"listen": "test", "script": {"exec": ["SCRIPT-CANARY"]}}],
         "protocolProfileBehavior": {"PPB-CANARY": true}, "x-custom": "CUSTOM-CANARY"}
        """#, extra: #""event": [{"listen": "prerequest", "script": {"exec": ["COLLECTION-SCRIPT-CANARY"]}}]"#))
        for canary in ["SCRIPT-CANARY", "PPB-CANARY", "CUSTOM-CANARY", "\"event\""] {
            #expect(!text.contains(canary), "\(canary) leaked into the download")
        }
    }

    @Test("drops disabled variables and blanks secret ones (B13)")
    func variables() throws {
        let (value, text) = try written(T.wrap(items: #"{"name": "F", "item": [], "variable": [{"key": "off", "value": "FOLDER-CANARY", "disabled": true}]}"#,
                                               extra: #"""
        "variable": [{"key": "baseUrl", "value": "https://x.test", "type": "string"},
                     {"key": "retiredVar", "value": "SHOULD-NOT-APPEAR-B13", "disabled": true},
                     {"key": "token", "value": "SECRET-CANARY", "type": "secret"}]
        """#))
        #expect(!text.contains("SHOULD-NOT-APPEAR-B13") && !text.contains("FOLDER-CANARY") && !text.contains("SECRET-CANARY"))
        #expect(value["variable"] == .array([
            .object([("key", .string("baseUrl")), ("value", .string("https://x.test")), ("type", .string("string"))]),
            .object([("key", .string("token")), ("value", .string("")), ("type", .string("string"))]),
        ]))
        #expect(value["item"]?.arrayValue?.first?["variable"] == nil)
    }

    @Test("blanks literal credentials in auth blocks but keeps {{variable}} references", arguments: [
        ("basic", "password", "hunter2", ""),
        ("basic", "password", "{{svcPassword}}", "{{svcPassword}}"),
        ("basic", "username", "partner-bot", "partner-bot"),
        ("bearer", "token", "eyJhbGciOi", ""),
        ("bearer", "token", " {{accessToken}} ", " {{accessToken}} "),
        ("bearer", "token", "Bearer {{accessToken}}", ""),
        ("apikey", "value", "k-123", ""),
        ("apikey", "key", "X-Api-Key", "X-Api-Key"),
        ("oauth2", "accessToken", "ya29.x", ""),
        ("oauth2", "refreshToken", "r", ""),
        ("oauth2", "clientSecret", "cs", ""),
        ("oauth2", "clientId", "public-client", "public-client"),
        ("oauth2", "accessTokenUrl", "https://auth.test/token", "https://auth.test/token"),
        ("oauth1", "consumerSecret", "c", ""),
        ("oauth1", "tokenSecret", "t", ""),
        ("awsv4", "secretKey", "AKIA-SECRET", ""),
        ("awsv4", "sessionToken", "st", ""),
        ("ntlm", "password", "p", ""),
        ("digest", "password", "{{a}}{{b}}", ""),
        ("hawk", "authKey", "hk", ""),
        ("edgegrid", "clientSecret", "es", ""),
        ("edgegrid", "clientToken", "akab-literal", ""),
        ("awsv4", "accessKey", "AKIAEXAMPLE", ""),
        ("oauth2", "code_verifier", "verifier-literal", ""),
        ("oauth2", "tokenRequestParams", #"[{"key":"client_secret","value":"literal"}]"#, "[]"),
        ("oauth2", "tokenRequestParams", "[]", "[]"),
    ])
    func credentials(type: String, key: String, value: String, expected: String) throws {
        let auth = PostmanAuth(type: type, parameters: [PostmanKeyValue(key: key, value: value)])
        let written = PostmanWriter.auth(auth)
        #expect(written["type"] == .string(type))
        #expect(written[type]?.arrayValue?.first?["value"] == .string(expected))
        // The page and the cURL sample show the same attribute as a placeholder or its reference.
        let shown = AuthProjection(resolve: { "RESOLVED(\($0))" }).site(auth)?.parameters.first?.value
        if expected != value {
            #expect(shown == (value.isEmpty ? "" : "<\(key)>"), "\(String(describing: shown))")
        }
    }

    @Test("auth is written in v2.1 array form; booleans and lists keep their JSON type; noauth stays explicit")
    func authShapes() throws {
        let (value, _) = try written(T.wrap(items: #"""
        {"name": "R", "request": {"url": "https://x.test", "auth": {"type": "noauth"}}}
        """#, extra: #"""
        "auth": {"type": "oauth2", "oauth2": {"authRequestParams": [], "useBrowser": true, "grant_type": "client_credentials"}}
        """#))
        #expect(value["auth"] == .object([("type", .string("oauth2")), ("oauth2", .array([
            .object([("key", .string("authRequestParams")), ("value", .array([])), ("type", .string("any"))]),
            .object([("key", .string("useBrowser")), ("value", .bool(true)), ("type", .string("boolean"))]),
            .object([("key", .string("grant_type")), ("value", .string("client_credentials")), ("type", .string("string"))]),
        ]))]))
        #expect(value["item"]?.arrayValue?.first?["request"]?["auth"] == .object([("type", .string("noauth"))]))
    }

    @Test("bodies in every mode are written in v2.1 form", arguments: [
        (PostmanBody.urlencoded([PostmanKeyValue(key: "a", value: "1", disabled: true)]),
         JSONValue.object([("mode", .string("urlencoded")), ("urlencoded", .array([
            .object([("key", .string("a")), ("value", .string("1")), ("disabled", .bool(true))])]))])),
        (.formData([PostmanKeyValue(key: "t", value: "v", type: "text"),
                    PostmanKeyValue(key: "f", value: nil, type: "file", src: "/a.txt, /b.txt")]),
         .object([("mode", .string("formdata")), ("formdata", .array([
            .object([("key", .string("t")), ("value", .string("v")), ("type", .string("text"))]),
            .object([("key", .string("f")), ("src", .array([.string("/a.txt"), .string("/b.txt")])), ("type", .string("file"))])]))])),
        (.file(source: nil), .object([("mode", .string("file")), ("file", .object([("src", .null)]))])),
        (.graphQL(query: "{ a }", variables: "{}"),
         .object([("mode", .string("graphql")), ("graphql", .object([("query", .string("{ a }")), ("variables", .string("{}"))]))])),
    ])
    func bodies(body: PostmanBody, expected: JSONValue) {
        #expect(PostmanWriter.body(body) == expected)
    }

    @Test("a URL object given without raw gets one assembled from its parts")
    func assembledRaw() {
        let url = PostmanURL(protocol: "https", host: ["api", "example", "test"], port: "8443", path: ["v1", "x"],
                             query: [PostmanKeyValue(key: "a", value: "1"), PostmanKeyValue(key: "off", value: "2", disabled: true)],
                             hash: "top")
        #expect(PostmanWriter.url(url)["raw"] == .string("https://api.example.test:8443/v1/x?a=1#top"))
    }

    @Test("writes an environment export with secrets blank and typed secret")
    func environment() {
        let value = PostmanWriter.environmentJSON(name: "Partner", values: [
            (key: "baseUrl", value: "https://x.test", isSecret: false),
            (key: "apiKey", value: "s3cr3t-canary", isSecret: true),
        ])
        #expect(value == .object([
            ("name", .string("Partner")),
            ("values", .array([
                .object([("key", .string("baseUrl")), ("value", .string("https://x.test")), ("type", .string("default")), ("enabled", .bool(true))]),
                .object([("key", .string("apiKey")), ("value", .string("")), ("type", .string("secret")), ("enabled", .bool(true))]),
            ])),
            ("_postman_variable_scope", .string("environment")),
        ]))
        #expect(!JSONSerializer.serialize(value).contains("s3cr3t"))
    }
}
