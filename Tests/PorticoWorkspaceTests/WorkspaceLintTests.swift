import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

/// The warnings about files a team meant Portico to read, and the error for a
/// multipartner workspace without partners.
@Suite("Workspace lint")
struct WorkspaceLintTests {
    private func warnings(_ changes: [String: String?], root: URL = URL(fileURLWithPath: "/nonexistent")) throws -> [String] {
        let tree = WorkspaceLoaderTests.tree(changes)
        let workspace = try WorkspaceLoader.load(tree)
        return WorkspaceLint.warnings(tree, workspace, root: root).map(\.description)
    }

    @Test("a valid workspace has nothing to warn about")
    func cleanWorkspace() throws {
        #expect(try warnings([:]) == [])
    }

    @Test("a file its folder's reader skips is named, with the extension it needs")
    func ignoredFile() throws {
        let found = try warnings(["collections/Orders.postman_collection": "{}", "comments/thread.txt": "x"])
        #expect(found == [
            "collections/Orders.postman_collection:1:1: warning: this file is ignored: collections are read from .json files",
            "comments/thread.txt:1:1: warning: this file is ignored: comment threads are read from .yaml files",
        ])
    }

    @Test("a partner value one typo away from a variable in use is pointed at; a key of the partner's own is not")
    func misspeltPartnerValue() throws {
        let partner = WorkspaceLoaderTests.globex + "\nenvironment:\n  base_ur: https://globex.example\n  client_id: gx-1\n"
        let found = try warnings(["partners/globex.yaml": partner])
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.hasPrefix("partners/globex.yaml:6:12: warning: `base_ur` is not a variable") == true, "\(found)")
        #expect(found.first?.hasSuffix("did you mean `base_url`?") == true, "\(found)")
    }

    @Test("a value used through a `{{…}}` reference is not unused")
    func referencedValue() throws {
        let collection = #"{"info": {"name": "Ping API", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}, "item": [{"name": "Ping", "request": {"method": "GET", "url": "{{base_urls}}/ping"}}]}"#
        let partner = WorkspaceLoaderTests.globex + "\nenvironment:\n  base_urls: https://globex.example\n"
        #expect(try warnings(["collections/ping.json": collection, "partners/globex.yaml": partner]) == [])
    }

    @Test("a top-level folder named like a content folder is pointed at; other folders are the team's")
    func misnamedFolder() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lint-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for folder in ["partner", "collection", "scripts", ".git"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        #expect(WorkspaceLint.misnamedFolders(root).map(\.description) == [
            "collection:1:1: warning: folder `collection/` is not read by Portico; did you mean `collections/`?",
            "partner:1:1: warning: folder `partner/` is not read by Portico; did you mean `partners/`?",
        ])
    }

    @Test("multipartner without any partner is an error: it would retire every published site")
    func multipartnerWithoutPartners() {
        let tree = WorkspaceLoaderTests.tree([
            "portico.yaml": WorkspaceLoaderTests.settings(extra: "multipartner: true\n"),
            "partners/globex.yaml": nil,
        ])
        let found = thrownDiagnostics { _ = try WorkspaceLoader.load(tree) }.map(\.description)
        #expect(found.contains { $0.contains("error: multipartner is on but there are no partners") }, "\(found)")
    }
}
