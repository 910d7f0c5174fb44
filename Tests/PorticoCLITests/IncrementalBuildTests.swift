import Foundation
import Testing
@testable import PorticoCLI

/// Watch mode reuses the last build's projections, pages, scans and published files.
/// Whatever it reuses, the sites it publishes after an edit must be byte for byte the
/// sites a fresh build of the same workspace publishes.
@Suite("Incremental builds")
struct IncrementalBuildTests {
    static let example = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Examples/acme")

    final class Scratch {
        let root: URL
        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent("portico-incremental-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            try FileManager.default.copyItem(at: IncrementalBuildTests.example, to: workspace)
        }
        deinit { try? FileManager.default.removeItem(at: root) }
        var workspace: URL { root.appendingPathComponent("ws") }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = workspace.appendingPathComponent(path)
            let old = try String(contentsOf: url, encoding: .utf8)
            let new = change(old)
            #expect(new != old, "the edit of \(path) changed nothing")
            try new.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// Every file below `root` (site folders and all) and its bytes.
    static func files(_ root: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        for path in Publisher.listFiles(root) where !path.hasPrefix(".portico-") && !path.contains("/.portico-") {
            out[path] = FileManager.default.contents(atPath: root.appendingPathComponent(path).path)
        }
        return out
    }

    static func inodes(_ root: URL) -> [String: UInt64] {
        var out: [String: UInt64] = [:]
        for path in Publisher.listFiles(root) where !path.hasPrefix(".portico-") {
            var info = stat()
            if lstat(root.appendingPathComponent(path).path, &info) == 0 { out[path] = UInt64(info.st_ino) }
        }
        return out
    }

    static func replacing(_ old: String, _ new: String) -> (String) -> String {
        { text in
            guard let range = text.range(of: old) else { return text }
            return text.replacingCharacters(in: range, with: new)
        }
    }

    @Test("after each kind of edit the incremental build publishes exactly what a full build does")
    func incrementalEqualsFull() throws {
        let scratch = try Scratch()
        let watched = scratch.root.appendingPathComponent("watched")
        let pipeline = BuildPipeline(incremental: true)
        _ = try pipeline.run(BuildRequest(workspace: scratch.workspace, output: watched))
        let payments = "collections/Payments API.postman_collection.json"
        let edits: [(String, String, (String) -> String)] = [
            // Same length, deep in the file: a digest of only the first bytes misses it.
            ("a request description, same length", payments,
             Self.replacing("valid for **one hour**", "valid for **two hour**")),
            ("a request description, longer", payments,
             Self.replacing("Exchanges your client id", "Exchanges your own client id")),
            ("a request method", payments, Self.replacing("\"method\": \"POST\"", "\"method\": \"PUT\"")),
            ("a request name", payments, Self.replacing("\"name\": \"Get an access token\"", "\"name\": \"Fetch an access token\"")),
            ("a folder description", payments, Self.replacing("A payment moves through", "A payment passes through")),
            ("a partner's name", "partners/globex.yaml", Self.replacing("name: Globex Corporation", "name: Globex Corp")),
            ("a partner's environment value", "partners/globex.yaml",
             Self.replacing("https://globex.sandbox.acme.example", "https://globex2.sandbox.acme.example")),
            ("a default environment value", "environments/Sandbox.postman_environment.json",
             Self.replacing("https://sandbox.acme.example", "https://sandbox2.acme.example")),
            ("the workspace name", "portico.yaml", Self.replacing("name: Acme Payments", "name: Acme Payments Ltd")),
            ("a docs page", "docs/errors.md", { $0 + "\nOne more line.\n" }),
            ("the request description back", payments,
             Self.replacing("valid for **two hour**", "valid for **one hour**")),
        ]
        for (what, path, change) in edits {
            let before = Self.files(watched)
            let inodesBefore = Self.inodes(watched)
            try scratch.edit(path, change)
            _ = try pipeline.run(BuildRequest(workspace: scratch.workspace, output: watched))
            let inodes = Self.inodes(watched)
            let relinked = before.keys.filter { before[$0] == Self.files(watched)[$0] && inodes[$0] != inodesBefore[$0] }
            #expect(relinked.isEmpty, "after \(what): files with unchanged bytes were rewritten: \(relinked.sorted().prefix(5))")
            let fresh = scratch.root.appendingPathComponent("fresh-\(UUID().uuidString)")
            _ = try BuildPipeline().run(BuildRequest(workspace: scratch.workspace, output: fresh))
            let got = Self.files(watched)
            let want = Self.files(fresh)
            #expect(Set(got.keys) == Set(want.keys), "after \(what): the file sets differ")
            let differing = want.keys.filter { got[$0] != want[$0] }.sorted()
            #expect(differing.isEmpty, "after \(what): these files differ from a full build: \(differing.prefix(5))")
            try? FileManager.default.removeItem(at: fresh)
        }
    }

    /// An edit that changes no byte of a site can still make its published text a leak:
    /// the guard's list depends on the whole workspace. Watch must refuse it as build does.
    @Test("an edit elsewhere that makes an unchanged site's text a leak fails the incremental build too")
    func unchangedSiteIsRecheckedWhenItsCanariesChange() throws {
        let scratch = try Scratch()
        let watched = scratch.root.appendingPathComponent("watched")
        let pipeline = BuildPipeline(incremental: true)
        try "# Support\n\nAsk Jordan Blake from our support desk.\n"
            .write(to: scratch.workspace.appendingPathComponent("docs/support.md"), atomically: true, encoding: .utf8)
        _ = try pipeline.run(BuildRequest(workspace: scratch.workspace, output: watched))
        let before = Self.files(watched)
        // Jordan Blake becomes a member of umbrella: globex's and initech's sites do not
        // change, but their support page now names another partner's member.
        try scratch.edit("partners/umbrella.yaml", Self.replacing("members:\n", "members:\n  - name: Jordan Blake\n    role: viewer\n"))
        #expect(throws: (any Error).self) { try pipeline.run(BuildRequest(workspace: scratch.workspace, output: watched)) }
        do {
            _ = try BuildPipeline(incremental: true).run(BuildRequest(workspace: scratch.workspace, output: watched))
        } catch {
            #expect("\(error)".contains("globex/docs/support.html contains a member of partner umbrella"), "\(error)")
        }
        #expect(Self.files(watched) == before, "a refused build changed the published sites")
    }
}
