import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

/// Writing a collection and reading the download back keeps what partners rely on.
@Suite("Postman writer: round trip through the reader")
struct PostmanWriterRoundTripTests {
    typealias T = PostmanTestSupport

    /// Writes, serialises and reads back.
    private func roundTrip(_ collection: PostmanCollection) throws -> PostmanCollection {
        let text = JSONSerializer.serialize(PostmanWriter.collectionJSON(collection))
        return try PostmanReader.readCollection(Data(text.utf8), path: "downloads/c.json")
    }

    /// Every item name, depth first, with folders marked, so a reordering or a lost level shows.
    private func outline(_ items: [PostmanItem], prefix: String = "") -> [String] {
        items.flatMap { item -> [String] in
            switch item {
            case .request(let request): [prefix + request.name]
            case .folder(let folder): [prefix + folder.name + "/"] + outline(folder.items, prefix: prefix + folder.name + "/")
            }
        }
    }

    @Test("an inline collection keeps every request part through the round trip")
    func inline() throws {
        let original = try T.collection(T.wrap(items: #"""
        {"name": "F", "item": [{"name": "R", "request": {"method": "PUT",
          "url": {"raw": "https://x.test:81/a/:id?q=1&f#h", "protocol": "https", "host": ["x", "test"], "port": "81",
                  "path": ["a", ":id"], "query": [{"key": "q", "value": "1"}, {"key": "f", "value": null}], "hash": "h",
                  "variable": [{"key": "id", "value": "7", "description": "Id"}]},
          "header": [{"key": "A", "value": "b", "disabled": true}],
          "body": {"mode": "graphql", "graphql": {"query": "{ x }", "variables": "{}"}}},
          "response": [{"name": "E", "code": 200, "status": "OK", "body": "<x/>", "header": [], "_postman_previewlanguage": "xml"}]}]}
        """#))
        let back = try roundTrip(original)
        #expect(T.requests(in: back.items).map(\.request) == T.requests(in: original.items).map(\.request))
        #expect(T.requests(in: back.items).map(\.responses) == T.requests(in: original.items).map(\.responses))
    }

    @Test("a corpus collection keeps its request count, names and requests through the round trip",
          .enabled(if: T.sharedAvailable, "\(T.skipMessage)"),
          arguments: T.sharedJSONFiles(in: "corpus/collections").filter { !$0.contains("-v1.") })
    func corpus(file: String) throws {
        let original = try PostmanReader.readCollection(try T.sharedFile("corpus/collections/" + file), path: file)
        let back = try roundTrip(original)
        #expect(back.name == original.name)
        #expect(back.schemaVersion == "2.1.0")
        #expect(outline(back.items) == outline(original.items))
        let before = T.requests(in: original.items), after = T.requests(in: back.items)
        #expect(after.count == before.count)
        // Everything but auth (whose literal credentials are blanked on purpose) survives.
        for (a, b) in zip(before, after) {
            var expected = a.request, actual = b.request
            expected.auth = nil
            actual.auth = nil
            #expect(actual == expected, "request \(a.name) changed")
            #expect(b.responses.count == a.responses.count)
        }
        #expect(back.variables == original.variables.filter { !$0.disabled }.map { variable in
            var written = variable
            if variable.type == "secret" { written.value = ""; written.type = "string" }
            written.type = PostmanWriter.schemaVariableType(written.type)
            return written
        })
    }
}
