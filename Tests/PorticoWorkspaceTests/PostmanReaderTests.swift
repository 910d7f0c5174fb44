import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

/// Collections, folders, requests, headers, descriptions, examples and variables.
@Suite("Postman reader: collections, items and requests")
struct PostmanReaderTests {
    typealias T = PostmanTestSupport

    @Test("reads a v2.1 collection: info, folders, requests, examples and variables in order")
    func readsCollection() throws {
        let collection = try T.collection(#"""
        {
          "info": {"_postman_id": "abc", "name": "Payments", "description": "Pay **fast**",
                   "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
          "item": [
            {"name": "Charges", "description": "Folder text",
             "item": [
               {"name": "Create", "request": {"method": "POST", "url": "https://x.test/charges"},
                "response": [{"name": "Created", "code": 201, "status": "Created", "body": "{}"}]}
             ]},
            {"name": "Ping", "request": {"method": "GET", "url": "https://x.test/ping"}, "event": [{"listen": "test"}]}
          ],
          "event": [{"listen": "prerequest", "script": {"exec": ["pm.environment.set('a', 1)"]}}],
          "protocolProfileBehavior": {"disableBodyPruning": true},
          "variable": [{"key": "base", "value": "https://x.test"}]
        }
        """#)
        #expect(collection.name == "Payments")
        #expect(collection.postmanID == "abc")
        #expect(collection.description == RichText("Pay **fast**", format: .markdown))
        #expect(collection.schemaVersion == "2.1.0")
        #expect(collection.items.map(\.name) == ["Charges", "Ping"])
        #expect(collection.variables == [PostmanVariable(key: "base", value: "https://x.test")])
        #expect(collection.location == SourceLocation(path: "collections/test.json", line: 1, column: 1))
        guard case .folder(let folder) = collection.items[0] else { Issue.record("not a folder"); return }
        #expect(folder.description?.text == "Folder text")
        #expect(folder.location.line == 5)
        guard case .request(let create) = folder.items.first else { Issue.record("not a request"); return }
        #expect(create.request.method == "POST")
        #expect(create.responses == [PostmanResponse(name: "Created", code: 201, status: "Created", body: "{}")])
    }

    @Test("upper-cases methods and defaults a missing or empty one to GET", arguments: [
        (#""method": "post","#, "POST"),
        (#""method": "Patch","#, "PATCH"),
        ("", "GET"),
        (#""method": null,"#, "GET"),
        (#""method": "","#, "GET"),
        (#""method": "PROPFIND","#, "PROPFIND"),
    ])
    func methods(member: String, expected: String) throws {
        let request = try T.request(#"{\#(member) "url": "https://x.test"}"#)
        #expect(request.method == expected)
    }

    @Test("a request given as a bare URL string is a GET with that URL")
    func requestString() throws {
        let request = try T.request(#""https://api.example.test/v1/shortcut""#)
        #expect(request.method == "GET")
        #expect(request.url?.raw == "https://api.example.test/v1/shortcut")
        #expect(request.url?.host == ["api", "example", "test"])
        #expect(request.url?.path == ["v1", "shortcut"])
    }

    @Test("a request without a URL reads with url nil")
    func noURL() throws {
        let request = try T.request(#"{"method": "OPTIONS", "header": []}"#)
        #expect(request.method == "OPTIONS")
        #expect(request.url == nil)
    }

    @Test("descriptions: string, {content, type} object, missing type, null", arguments: [
        (#""text""#, RichText("text", format: .markdown) as RichText?),
        (##"{"content": "# Hi", "type": "text/markdown"}"##, RichText("# Hi", format: .markdown)),
        (#"{"content": "*x*", "type": "text/plain"}"#, RichText("*x*", format: .plain)),
        (#"{"content": "<b>x</b>", "type": "text/html"}"#, RichText("<b>x</b>", format: .html)),
        (#"{"content": "v", "type": "text/markdown", "version": "2.1"}"#, RichText("v", format: .markdown)),
        (#"{"content": "no type"}"#, RichText("no type", format: .markdown)),
        ("null", nil),
        (#""""#, nil),
    ])
    func descriptions(json: String, expected: RichText?) throws {
        let request = try T.request(#"{"url": "https://x.test", "description": \#(json)}"#)
        #expect(request.description == expected)
    }

    @Test("headers: objects with disabled flags and descriptions, or one string of lines")
    func headers() throws {
        let objects = try T.request(#"""
        {"url": "https://x.test", "header": [
          {"key": "Accept", "value": "application/json", "type": "text"},
          {"key": "X-Debug", "value": "1", "disabled": true, "description": {"content": "trace", "type": "text/plain"}}
        ]}
        """#)
        #expect(objects.headers == [
            PostmanKeyValue(key: "Accept", value: "application/json", type: "text"),
            PostmanKeyValue(key: "X-Debug", value: "1", description: RichText("trace", format: .plain), disabled: true),
        ])
        let string = try T.request(#"{"url": "https://x.test", "header": "Accept: text/plain\nX-A:  b c \n\n"}"#)
        #expect(string.headers == [PostmanKeyValue(key: "Accept", value: "text/plain"), PostmanKeyValue(key: "X-A", value: "b c")])
        let none = try T.request(#"{"url": "https://x.test", "header": null}"#)
        #expect(none.headers.isEmpty)
    }

    @Test("saved examples: code, status, headers as array or string, preview language, original request")
    func examples() throws {
        let collection = try T.collection(T.wrap(items: #"""
        {"name": "R", "request": {"url": "https://x.test"}, "response": [
          {"name": "OK", "code": 200, "status": "OK", "_postman_previewlanguage": "json",
           "header": [{"key": "Content-Type", "value": "application/json"}], "body": "{\"a\": 1}",
           "originalRequest": {"method": "post", "url": "https://x.test/orig", "header": []}},
          {"name": "Text", "code": 400, "header": "Content-Type: text/xml; charset=utf-8\nX-Id: 7", "body": null},
          {"name": "Null headers", "header": null, "_postman_previewlanguage": ""},
          {"status": "Gone", "header": ["Content-Type: text/html"]}
        ]}
        """#))
        let responses = T.requests(in: collection.items)[0].responses
        #expect(responses.count == 4)
        #expect(responses[0].language == "json")
        #expect(responses[0].originalRequest?.method == "POST")
        #expect(responses[0].originalRequest?.url?.raw == "https://x.test/orig")
        #expect(responses[1].headers.map(\.key) == ["Content-Type", "X-Id"])
        #expect(responses[1].language == "xml")
        #expect(responses[1].body == nil)
        #expect(responses[2].headers.isEmpty && responses[2].language == nil)
        #expect(responses[3].name == "Gone")
        #expect(responses[3].language == "html")
    }

    @Test("collection and folder variables: id as key, disabled kept, secret type recorded, any value as text")
    func variables() throws {
        let collection = try T.collection(T.wrap(items: #"""
        {"name": "F", "item": [], "variable": [{"key": "resource", "value": "invoices"}]}
        """#, extra: #"""
        "variable": [
          {"id": "legacyKey", "value": "from-id"},
          {"key": "both", "id": "ignored", "value": "k"},
          {"key": "retired", "value": "SHOULD-NOT-APPEAR", "disabled": true},
          {"key": "token", "value": "t0k", "type": "secret"},
          {"key": "n", "value": 25, "type": "number"},
          {"key": "flag", "value": true},
          {"key": "obj", "value": {"a": [1]}},
          {"key": "empty"}
        ]
        """#))
        #expect(collection.variables == [
            PostmanVariable(key: "legacyKey", value: "from-id"),
            PostmanVariable(key: "both", value: "k"),
            PostmanVariable(key: "retired", value: "SHOULD-NOT-APPEAR", disabled: true),
            PostmanVariable(key: "token", value: "t0k", type: "secret"),
            PostmanVariable(key: "n", value: "25", type: "number"),
            PostmanVariable(key: "flag", value: "true"),
            PostmanVariable(key: "obj", value: #"{"a":[1]}"#),
            PostmanVariable(key: "empty", value: ""),
        ])
        guard case .folder(let folder) = collection.items.first else { Issue.record("no folder"); return }
        #expect(folder.variables == [PostmanVariable(key: "resource", value: "invoices")])
    }

    @Test("the Postman API wrapper {\"collection\": {…}} is unwrapped")
    func apiWrapper() throws {
        let collection = try T.collection(#"{"collection": \#(T.wrap(items: #"{"name": "R", "request": "https://x.test"}"#))}"#)
        #expect(collection.name == "T")
        #expect(collection.items.map(\.name) == ["R"])
    }

    @Test("an empty folder and an empty collection read")
    func empty() throws {
        #expect(try T.collection(T.wrap(items: "")).items.isEmpty)
        let collection = try T.collection(T.wrap(items: #"{"name": "Empty", "item": []}"#))
        guard case .folder(let folder) = collection.items.first else { Issue.record("no folder"); return }
        #expect(folder.items.isEmpty)
    }
}
