import Foundation
import PorticoModel
@testable import PorticoWorkspace

/// Helpers for the JSON and Postman tests, namespaced so they cannot clash with
/// other test files in this target.
enum PostmanTestSupport {
    /// `/work/shared` (the corpus and regression cases), found from this file:
    /// Tests/PorticoWorkspaceTests/X.swift → ../../../shared.
    static let sharedDirectory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared")

    static var sharedAvailable: Bool {
        FileManager.default.fileExists(atPath: sharedDirectory.appendingPathComponent("corpus/collections").path)
    }

    static let skipMessage = "../shared (corpus and regression cases) is not checked out next to this repository"

    static func sharedFile(_ relative: String) throws -> Data {
        try Data(contentsOf: sharedDirectory.appendingPathComponent(relative))
    }

    /// JSON files in a shared folder, sorted by name.
    static func sharedJSONFiles(in folder: String) -> [String] {
        let url = sharedDirectory.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".json") }.sorted()
    }

    /// Reads an inline collection fixture.
    static func collection(_ json: String, path: String = "collections/test.json") throws -> PostmanCollection {
        try PostmanReader.readCollection(Data(json.utf8), path: path)
    }

    /// The diagnostics reading a collection throws; empty when it reads.
    static func collectionErrors(_ json: String, path: String = "collections/test.json") -> [Diagnostic] {
        errors { _ = try PostmanReader.readCollection(Data(json.utf8), path: path) }
    }

    static func errors(_ body: () throws -> Void) -> [Diagnostic] {
        do {
            try body()
            return []
        } catch let list as DiagnosticList {
            return list.diagnostics
        } catch let diagnostic as Diagnostic {
            return [diagnostic]
        } catch {
            return [.error("unexpected error \(error)")]
        }
    }

    /// A minimal v2.1 collection around the given `item` entries (JSON text).
    static func wrap(items: String, extra: String = "") -> String {
        """
        {"info": {"name": "T", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
         \(extra.isEmpty ? "" : extra + ",")
         "item": [\(items)]}
        """
    }

    /// The single request of a one-request fixture.
    static func request(_ requestJSON: String) throws -> PostmanRequest {
        let collection = try collection(wrap(items: #"{"name": "R", "request": \#(requestJSON)}"#))
        guard case .request(let item)? = collection.items.first else { throw PostmanTestFailure("no request read") }
        return item.request
    }

    /// All request items of a collection, depth first.
    static func requests(in items: [PostmanItem]) -> [PostmanRequestItem] {
        items.flatMap { item -> [PostmanRequestItem] in
            switch item {
            case .request(let request): [request]
            case .folder(let folder): requests(in: folder.items)
            }
        }
    }
}

/// A test precondition that did not hold.
struct PostmanTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
