import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

/// Schema versions, files that are not v2 collections, and wrong types anywhere in a file.
@Suite("Postman reader: formats and wrong input")
struct PostmanReaderFormatTests {
    typealias T = PostmanTestSupport

    @Test("reads the schema version; a missing schema is v2.1", arguments: [
        ("https://schema.getpostman.com/json/collection/v2.0.0/collection.json", "2.0.0"),
        ("https://schema.getpostman.com/json/collection/v2.1.0/collection.json", "2.1.0"),
        ("https://schema.postman.com/json/collection/v2.1.0/collection.json", "2.1.0"),
        (nil, "2.1.0"),
    ] as [(String?, String)])
    func schemaVersions(schema: String?, expected: String) throws {
        let schemaMember = schema.map { #", "schema": "\#($0)""# } ?? ""
        let collection = try T.collection(#"{"info": {"name": "T"\#(schemaMember)}, "item": []}"#)
        #expect(collection.schemaVersion == expected)
    }

    /// Files that are not v2 collections, the line:column of the error and a phrase of its message.
    @Test("a file that is not a v2 collection gets one error saying what it is", arguments: [
        (#"{"id": "x", "name": "Old", "order": [], "folders": [], "requests": []}"#, "1:1",
         "this is a Postman Collection v1 file; Portico reads v2.0 and v2.1 — re-export it from Postman as Collection v2.1"),
        (#"{"info": {"name": "T", "schema": "https://schema.getpostman.com/collection/v1"}, "item": []}"#, "1:34",
         "Collection v1 file"),
        (#"{"id": "e", "name": "Env", "values": [], "_postman_variable_scope": "environment"}"#, "1:1",
         "x.json is a Postman environment, not a collection; move it to environments/"),
        (#"{"name": "Env", "values": [{"key": "a", "value": "b"}]}"#, "1:1", "is a Postman environment"),
        (#"{"name": "G", "values": [], "_postman_variable_scope": "globals"}"#, "1:1", "globals"),
        (#"{"openapi": "3.0.3", "info": null, "paths": {}}"#, "1:1", "x.json is an OpenAPI 3.0.3 document"),
        (#"{"swagger": "2.0", "paths": {}}"#, "1:1", "Swagger"),
        (#"{"hello": "world"}"#, "1:1", "x.json is not a Postman collection: expected an object with `info` and `item`, found an object with `hello`"),
        ("{}", "1:1", "found an empty object"),
        ("[1, 2]", "1:1", "found an array"),
        (#"  "just text""#, "1:3", "found a string"),
        (#"{"item": []}"#, "1:1", "has no `info` object"),
        (#"{"info": "T", "item": []}"#, "1:10", "`info` must be an object"),
        (#"{"info": {"name": "T", "schema": "https://schema.getpostman.com/json/collection/v3.0.0/"}, "item": []}"#, "1:34",
         "unsupported Postman collection schema"),
    ])
    func notACollection(json: String, position: String, message: String) throws {
        let errors = T.collectionErrors(json, path: "collections/x.json")
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.location?.path == "collections/x.json")
        #expect("\(error.location?.line ?? 0):\(error.location?.column ?? 0)" == position)
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test("an OpenAPI document with an info object is still recognised, not read as a collection")
    func openAPIWithInfo() {
        // `info` exists in OpenAPI too; without `item` and with `openapi` it must not be read as a collection.
        let errors = T.collectionErrors(#"{"openapi": "3.1.0", "info": {"title": "X", "version": "1"}, "paths": {}}"#,
                                        path: "collections/api.json")
        #expect(errors.map(\.message) == [
            "api.json is an OpenAPI 3.1.0 document, not a Postman collection; import it into Postman and export it as Collection v2.1",
        ])
    }

    @Test("JSON syntax errors carry the file's path, line and column")
    func syntaxError() {
        let errors = T.collectionErrors("{\n  \"info\": {,\n}", path: "collections/broken.json")
        #expect(errors.map(\.description) == ["collections/broken.json:2:12: error: unexpected character ','; expected an object key in double quotes"])
    }

    /// Wrong types anywhere: each is reported at the node, reading goes on, nothing crashes.
    @Test("a value of the wrong type is reported at its own line and column", arguments: [
        (#""item": "not a list""#, "3:11", "`item` must be an array, found a string"),
        (#""item": [42]"#, "3:12", "each entry of `item` must be a request or a folder (an object), found a number"),
        (#""item": [{"name": 7, "request": "https://x.test"}]"#, "3:21", "`name` must be a string, found a number"),
        (#""item": [{"request": "https://x.test"}]"#, "3:12", "this item has no `name`"),
        (#""item": [{"name": "R"}]"#, "3:12", #"item "R" has neither `request`"#),
        (#""item": [{"name": "R", "request": 5}]"#, "3:37", "`request` must be an object or a URL string, found a number"),
        (#""item": [{"name": "R", "request": {"url": ["a"]}}]"#, "3:45", "`url` must be a string or an object, found an array"),
        (#""item": [{"name": "R", "request": {"url": {"host": 1}}}]"#, "3:54", "`host` must be a string or an array of strings"),
        (#""item": [{"name": "R", "request": {"url": "x", "header": 3}}]"#, "3:60", "`header` must be an array of headers or a string"),
        (#""item": [{"name": "R", "request": {"url": "x", "method": ["GET"]}}]"#, "3:60", "`method` must be a string"),
        (#""item": [{"name": "R", "request": {"url": "x", "body": "raw"}}]"#, "3:58", "`body` must be an object"),
        (#""item": [{"name": "R", "request": {"url": "x", "auth": []}}]"#, "3:58", "`auth` must be an object"),
        (#""item": [{"name": "R", "request": "x", "response": {}}]"#, "3:54", "`response` must be an array"),
        (#""item": [{"name": "R", "request": "x", "response": [{"code": "abc"}]}]"#, "3:64", "`code` must be an HTTP status code"),
        (#""item": [], "variable": [{"value": "x"}]"#, "3:28", "this variable has no `key`"),
        (#""item": [], "variable": {"key": "a"}"#, "3:27", "`variable` must be an array"),
        (#""item": [{"name": "R", "request": {"url": "x", "description": 3}}]"#, "3:65", "`description` must be a string or an object"),
        (#""item": [{"name": "R", "request": {"url": {"query": [{"key": "a", "disabled": "yes"}]}}}]"#, "3:81", "`disabled` must be true or false"),
    ])
    func wrongTypes(members: String, position: String, message: String) throws {
        let json = """
        {
          "info": {"name": "T"},
          \(members)
        }
        """
        let errors = T.collectionErrors(json)
        let error = try #require(errors.first)
        #expect(errors.count == 1, "\(errors)")
        #expect("\(error.location?.line ?? 0):\(error.location?.column ?? 0)" == position, "\(error)")
        #expect(error.message.contains(message), "\(error.message)")
    }

    @Test("every problem in a file is reported, not just the first")
    func reportsAll() {
        let errors = T.collectionErrors(T.wrap(items: #"""
        {"name": 1, "request": "x"},
        {"name": "ok", "request": {"url": 2}},
        {"name": "deep", "item": [{"name": "x", "request": {"header": true}}]}
        """#))
        #expect(errors.count == 3)
        #expect(errors.map { $0.location?.line ?? 0 } == [3, 4, 5])
    }

    @Test("a collection without a name is reported at info")
    func missingName() {
        let errors = T.collectionErrors(#"{"info": {"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": []}"#)
        #expect(errors.map(\.message) == ["the collection's `info` has no `name`"])
        #expect(errors.first?.location?.column == 10)
    }
}
