import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

/// Request bodies in every mode.
@Suite("Postman reader: request bodies")
struct PostmanReaderBodyTests {
    typealias T = PostmanTestSupport

    private func body(_ json: String) throws -> PostmanBody? {
        try T.request(#"{"method": "POST", "url": "https://x.test", "body": \#(json)}"#).body
    }

    @Test("raw bodies keep their text and language; a legacy raw body has no language", arguments: [
        (#"{"mode": "raw", "raw": "<a/>", "options": {"raw": {"language": "xml"}}}"#, PostmanBody.raw(text: "<a/>", language: "xml") as PostmanBody?),
        (#"{"mode": "raw", "raw": "{\"a\": 1}"}"#, .raw(text: #"{"a": 1}"#, language: nil)),
        (#"{"mode": "raw", "raw": "x", "options": {"raw": {"headerFamily": "json", "language": "json"}}}"#, .raw(text: "x", language: "json")),
    ])
    func raw(json: String, expected: PostmanBody?) throws {
        #expect(try body(json) == expected)
    }

    @Test("nothing to send reads as no body", arguments: [
        #"{}"#,
        #"{"mode": "raw", "raw": ""}"#,
        #"{"mode": "urlencoded", "urlencoded": []}"#,
        #"{"mode": "formdata", "formdata": []}"#,
        #"{"mode": "raw", "raw": "text", "disabled": true}"#,
        "null",
    ])
    func noBody(json: String) throws {
        #expect(try body(json) == nil)
    }

    @Test("urlencoded fields keep disabled flags (also the older enabled: false) and descriptions")
    func urlencoded() throws {
        #expect(try body(#"""
        {"mode": "urlencoded", "urlencoded": [
          {"key": "grant_type", "value": "client_credentials", "type": "text"},
          {"key": "scope", "value": "read", "disabled": true, "description": "optional"},
          {"key": "old", "value": "x", "enabled": false}]}
        """#) == .urlencoded([
            PostmanKeyValue(key: "grant_type", value: "client_credentials", type: "text"),
            PostmanKeyValue(key: "scope", value: "read", description: RichText("optional"), disabled: true),
            PostmanKeyValue(key: "old", value: "x", disabled: true),
        ]))
    }

    @Test("form-data text and file fields; src as string, array or null")
    func formData() throws {
        #expect(try body(#"""
        {"mode": "formdata", "formdata": [
          {"key": "name", "value": "x", "type": "text", "contentType": "text/plain"},
          {"key": "one", "type": "file", "src": "/tmp/a.txt"},
          {"key": "many", "value": "", "type": "file", "src": ["/tmp/b.txt", "/tmp/c.txt"]},
          {"key": "none", "type": "file", "src": null},
          {"key": "untyped", "value": "v"}]}
        """#) == .formData([
            PostmanKeyValue(key: "name", value: "x", type: "text", contentType: "text/plain"),
            PostmanKeyValue(key: "one", value: nil, type: "file", src: "/tmp/a.txt"),
            PostmanKeyValue(key: "many", value: "", type: "file", src: "/tmp/b.txt, /tmp/c.txt"),
            PostmanKeyValue(key: "none", value: nil, type: "file"),
            PostmanKeyValue(key: "untyped", value: "v", type: "text"),
        ]))
    }

    @Test("binary file bodies, with or without a source", arguments: [
        (#"{"mode": "file", "file": {"src": "/data/report.pdf"}}"#, PostmanBody.file(source: "/data/report.pdf") as PostmanBody?),
        (#"{"mode": "file", "file": {}}"#, .file(source: nil)),
        (#"{"mode": "file"}"#, .file(source: nil)),
    ])
    func file(json: String, expected: PostmanBody?) throws {
        #expect(try body(json) == expected)
    }

    @Test("GraphQL query with variables as a string or an object")
    func graphQL() throws {
        #expect(try body(#"{"mode": "graphql", "graphql": {"query": "{ a }", "variables": "{\"id\": 1}"}}"#)
            == .graphQL(query: "{ a }", variables: #"{"id": 1}"#))
        #expect(try body(#"{"mode": "graphql", "graphql": {"query": "{ a }", "variables": {"id": 1}}}"#)
            == .graphQL(query: "{ a }", variables: "{\n  \"id\": 1\n}"))
        #expect(try body(#"{"mode": "graphql", "graphql": {"query": "{ a }", "variables": ""}}"#)
            == .graphQL(query: "{ a }", variables: nil))
    }

    @Test("an unknown body mode is an error at the mode")
    func unknownMode() {
        let errors = T.collectionErrors(T.wrap(items: #"""
        {"name": "R", "request": {"url": "https://x.test", "body": {"mode": "protobuf"}}}
        """#))
        #expect(errors.map(\.message) == [#"unknown body `mode` "protobuf"; Postman's modes are raw, urlencoded, formdata, file and graphql"#])
        #expect(errors.first?.location?.line == 3)
    }
}
