import Foundation
import Testing

/// Input that could make Portico read outside the workspace, write into it, or publish
/// what the team meant to hide is refused: exit 1, a located error, nothing published.
@Suite("Isolation: what Portico refuses to read, write or guess")
struct IsolationRefusalTests {
    /// A small good two-partner workspace with a collection, built once.
    static func built(_ label: String) async throws -> (TestWorkspace, DirectorySnapshot) {
        var files = WorkspaceFiles.minimal(partners: [WorkspaceFiles.alpha, WorkspaceFiles.beta])
        files["collections/orders.json"] = WorkspaceFiles.ordersCollection
        let workspace = try TestWorkspace(label, files: files)
        let good = try await workspace.build()
        try #require(good.status == 0, "the good workspace must build: \(good)")
        return (workspace, try DirectorySnapshot(workspace.out))
    }

    // MARK: - Symbolic links

    @Test("a symbolic link in collections/ to a file outside the workspace: an error naming it, exit 1, nothing published",
          arguments: ["collections/outside.json", "collections/nested/deeper/outside.json", "docs/outside.md"])
    func symlinkOutside(_ link: String) async throws {
        let (workspace, before) = try await Self.built("iso-symlink")
        defer { workspace.discard() }
        let outside = workspace.folder.appendingPathComponent("outside-secret.json")
        try Data(WorkspaceFiles.ordersCollection.replacingOccurrences(of: "Orders API", with: "ZQOUTSIDE API").utf8)
            .write(to: outside)
        let url = workspace.root.appendingPathComponent(link)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: url, withDestinationURL: outside)

        let result = try await workspace.buildFromInside()
        #expect(result.status == 1, "\(result)")
        #expect(result.lines.contains { $0.hasPrefix(link + ":") && $0.contains("error:") && $0.contains("symbolic link") },
                "\(result)")
        #expect(try DirectorySnapshot(workspace.out) == before, "the published sites changed")
        #expect(try IsolationScan.findings(in: workspace.out, forbidden: [("ZQOUTSIDE", "the linked file")]).isEmpty)
    }

    @Test("a symbolic link that replaces a whole content folder is refused too")
    func symlinkedFolder() async throws {
        let (workspace, before) = try await Self.built("iso-symlink-folder")
        defer { workspace.discard() }
        let outside = workspace.folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        try Data("# ZQOUTSIDEDOC\n".utf8).write(to: outside.appendingPathComponent("page.md"))
        try FileManager.default.createSymbolicLink(at: workspace.root.appendingPathComponent("docs"), withDestinationURL: outside)

        let result = try await workspace.buildFromInside()
        #expect(result.status == 1, "\(result)")
        #expect(result.lines.contains { $0.hasPrefix("docs:") && $0.contains("symbolic link") }, "\(result)")
        #expect(try DirectorySnapshot(workspace.out) == before)
    }

    // MARK: - Output folders that would mix sites into the workspace

    /// Output folders relative to the test folder, the workspace being `workspace/`.
    static let refusedOutputs: [(out: String, says: String)] = [
        ("workspace/collections/site", "collections/"),
        ("workspace/assets/site", "assets/"),
        ("workspace/templates", "templates/"),
        ("workspace", "the workspace itself"),
        (".", "contains the workspace"),
        ("link-to-collections/site", "collections/"),
        ("link-to-workspace", "the workspace itself"),
    ]

    @Test("an output folder inside a content folder, the workspace itself, or a folder holding it is refused",
          arguments: refusedOutputs.indices)
    func refusedOutput(_ index: Int) async throws {
        let (out, says) = Self.refusedOutputs[index]
        var files = WorkspaceFiles.minimal(partners: [WorkspaceFiles.alpha, WorkspaceFiles.beta])
        files["collections/orders.json"] = WorkspaceFiles.ordersCollection
        let workspace = try TestWorkspace("iso-out", files: files)
        defer { workspace.discard() }
        let fm = FileManager.default
        try fm.createSymbolicLink(at: workspace.folder.appendingPathComponent("link-to-collections"),
                                  withDestinationURL: workspace.root.appendingPathComponent("collections"))
        try fm.createSymbolicLink(at: workspace.folder.appendingPathComponent("link-to-workspace"),
                                  withDestinationURL: workspace.root)
        let before = IsolationTree.entries(under: workspace.folder)

        let result = try await PorticoBinary.run(["build", "workspace", "--out", out], in: workspace.folder)
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("output folder") && result.stderr.contains(says), "\(result)")
        #expect(IsolationTree.entries(under: workspace.folder) == before, "something was written")
    }

    @Test("a folder Portico did not publish stops the build before any site is replaced")
    func foreignFolderRefusedUpFront() async throws {
        let (workspace, _) = try await Self.built("iso-foreign")
        defer { workspace.discard() }
        // A new partner whose folder name is taken by someone else's files, and an
        // edit every partner sees: without the up-front check, alpha and beta would be
        // republished before gamma's refusal.
        try FileManager.default.createDirectory(at: workspace.out.appendingPathComponent("gamma"),
                                                withIntermediateDirectories: true)
        try Data("not ours\n".utf8).write(to: workspace.out.appendingPathComponent("gamma/notes.txt"))
        let before = try DirectorySnapshot(workspace.out)
        try workspace.write("partners/gamma.yaml", "name: Partner Gamma\n")
        try workspace.write("collections/orders.json",
                            WorkspaceFiles.ordersCollection.replacingOccurrences(of: "Orders API", with: "Orders API v2"))

        let result = try await workspace.build()
        #expect(result.status == 1, "\(result)")
        #expect(result.stderr.contains("gamma") && result.stderr.contains("not published by Portico"), "\(result)")
        #expect(try DirectorySnapshot(workspace.out) == before, "a site was replaced before the refusal")
    }

    // MARK: - Strictness: a typo must not publish what it meant to hide

    struct Typo: Sendable, CustomTestStringConvertible {
        var name: String
        var edits: [String: String]
        /// `path:line:` the error must start with.
        var location: String
        var mentions: String
        var testDescription: String { name }
    }

    static let typos: [Typo] = [
        Typo(name: "misspelt key in portico.yaml",
             edits: ["portico.yaml": WorkspaceFiles.settings(extra: "visibilty:\n  internal:\n    - collections/Orders API/Orders\n")],
             location: "portico.yaml:6:", mentions: "visibilty"),
        Typo(name: "misspelt key in a partner file",
             edits: ["partners/beta.yaml": "name: Partner Beta\nmemebers:\n  - name: Bea\n    email: bea@beta.example\n"],
             location: "partners/beta.yaml:2:", mentions: "memebers"),
        Typo(name: "a selector that matches nothing",
             edits: ["portico.yaml": WorkspaceFiles.settings(extra: "visibility:\n  internal:\n    - collections/Orders API/Oders\n")],
             location: "portico.yaml:8:", mentions: "Oders"),
        Typo(name: "a partner-only selector that matches nothing",
             edits: ["portico.yaml": WorkspaceFiles.settings(extra: "visibility:\n  partners:\n    collections/Orders API/Pilot: [beta]\n")],
             location: "portico.yaml:8:", mentions: "Pilot"),
        Typo(name: "a partner member with role editor",
             edits: ["partners/beta.yaml": "name: Partner Beta\nmembers:\n  - name: Bea\n    role: editor\n"],
             location: "partners/beta.yaml:4:", mentions: "editor"),
        Typo(name: "two collections with the same name",
             edits: ["collections/copy.json": WorkspaceFiles.ordersCollection],
             location: "collections/", mentions: "Orders API"),
        Typo(name: "a docs page for a partner that does not exist",
             edits: ["docs/pilot.md": "---\npartners: [betta]\n---\n# Pilot\n"],
             location: "docs/pilot.md:2:", mentions: "betta"),
    ]

    @Test("each typo is one located error, exit 1, and the published sites stay byte-identical", arguments: typos)
    func typoIsAnError(_ typo: Typo) async throws {
        let (workspace, before) = try await Self.built("iso-typo")
        defer { workspace.discard() }
        for (path, text) in typo.edits { try workspace.write(path, text) }

        let result = try await workspace.buildFromInside()
        #expect(result.status == 1, "\(result)")
        let errors = result.diagnostics
        #expect(errors.contains { $0.hasPrefix(typo.location) && $0.contains(typo.mentions) },
                "expected \(typo.location)…\(typo.mentions) in \(result)")
        // Every error line is located: `path:line:column: error: message`.
        #expect(result.lines.filter { $0.contains("error:") }.allSatisfy(errors.contains), "\(result)")
        #expect(try DirectorySnapshot(workspace.out) == before, "the published sites changed")
    }
}
