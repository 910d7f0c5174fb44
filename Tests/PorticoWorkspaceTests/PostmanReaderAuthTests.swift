import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

/// Auth blocks in both schema shapes, inheritance and every auth type.
@Suite("Postman reader: auth blocks")
struct PostmanReaderAuthTests {
    typealias T = PostmanTestSupport

    private func auth(_ json: String) throws -> PostmanAuth? {
        try T.request(#"{"url": "https://x.test", "auth": \#(json)}"#).auth
    }

    @Test("v2.1 attribute arrays and v2.0 objects normalise to the same parameter list", arguments: [
        #"{"type": "basic", "basic": [{"key": "username", "value": "{{user}}", "type": "string"}, {"key": "password", "value": "{{pw}}", "type": "string"}]}"#,
        #"{"type": "basic", "basic": {"username": "{{user}}", "password": "{{pw}}"}}"#,
    ])
    func basicShapes(json: String) throws {
        let read = try #require(try auth(json))
        #expect(read.type == "basic")
        #expect(read.parameters.map(\.key) == ["username", "password"])
        #expect(read.parameters.map(\.value) == ["{{user}}", "{{pw}}"])
    }

    @Test("v2.0 bearer object, booleans kept as text with their type")
    func v20Types() throws {
        let read = try #require(try auth(#"{"type": "bearer", "bearer": {"token": "{{t}}", "showPassword": false}}"#))
        #expect(read.parameters == [
            PostmanKeyValue(key: "token", value: "{{t}}"),
            PostmanKeyValue(key: "showPassword", value: "false", type: "boolean"),
        ])
    }

    @Test("only the active type's attributes are read; inactive schemes' credentials are dropped")
    func activeTypeOnly() throws {
        let read = try #require(try auth(#"""
        {"type": "bearer", "bearer": [{"key": "token", "value": "{{t}}"}],
         "basic": [{"key": "password", "value": "old-literal-password"}]}
        """#))
        #expect(read == PostmanAuth(type: "bearer", parameters: [PostmanKeyValue(key: "token", value: "{{t}}")]))
    }

    @Test("noauth is an explicit none; a missing type or null auth inherits", arguments: [
        (#"{"type": "noauth"}"#, PostmanAuth(type: "noauth") as PostmanAuth?),
        (#"{"type": "noauth", "noauth": []}"#, PostmanAuth(type: "noauth")),
        (#"{"bearer": [{"key": "token", "value": "x"}]}"#, nil),
        ("null", nil),
        (#"{"type": "apikey"}"#, PostmanAuth(type: "apikey")),
    ])
    func inheritance(json: String, expected: PostmanAuth?) throws {
        #expect(try auth(json) == expected)
    }

    @Test("every auth type keeps its attributes", arguments: [
        "apikey", "awsv4", "basic", "bearer", "digest", "edgegrid", "hawk", "ntlm", "oauth1", "oauth2", "jwt", "asap",
    ])
    func everyType(type: String) throws {
        let read = try #require(try auth(#"{"type": "\#(type)", "\#(type)": [{"key": "k", "value": "v"}, {"key": "list", "value": [], "type": "any"}]}"#))
        #expect(read.type == type)
        #expect(read.parameters == [PostmanKeyValue(key: "k", value: "v"), PostmanKeyValue(key: "list", value: "[]", type: "any")])
    }

    @Test("auth is read at collection, folder and request level")
    func levels() throws {
        let collection = try T.collection(T.wrap(items: #"""
        {"name": "Admin", "auth": {"type": "apikey", "apikey": [{"key": "key", "value": "X-Admin-Key"}]},
         "item": [{"name": "R", "request": {"url": "https://x.test", "auth": {"type": "noauth"}}},
                  {"name": "Inherits", "request": {"url": "https://x.test"}}]}
        """#, extra: #""auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{accessToken}}"}]}"#))
        #expect(collection.auth?.type == "bearer")
        guard case .folder(let folder) = collection.items.first else { Issue.record("no folder"); return }
        #expect(folder.auth?.type == "apikey")
        let requests = T.requests(in: folder.items)
        #expect(requests.map(\.request.auth?.type) == ["noauth", nil])
    }

    @Test("a malformed auth attribute is reported at its position")
    func malformed() {
        let errors = T.collectionErrors(T.wrap(items: #"""
        {"name": "R", "request": {"url": "https://x.test",
          "auth": {"type": "basic", "basic": ["username"]}}}
        """#))
        #expect(errors.count == 1)
        #expect(errors.first?.location?.line == 4)
        #expect(errors.first?.message.contains("auth attribute must be an object") == true)
    }
}
