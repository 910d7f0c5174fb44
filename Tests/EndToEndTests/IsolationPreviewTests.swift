import Foundation
import Testing

/// The team preview is the one output that holds everything: internal items, every
/// partner, the comments, and a badge saying who sees each item. It must never end
/// up among, or over, the partner sites, nor over anyone's files.
@Suite("Isolation: the team preview holds everything and stays apart")
struct IsolationPreviewTests {
    static func workspace(_ label: String) throws -> TestWorkspace {
        try TestWorkspace(label, files: IsolationWorkspace.files)
    }

    static func preview(_ workspace: TestWorkspace, out: String) async throws -> CommandResult {
        try await PorticoBinary.run(["preview", "workspace", "--out", out], in: workspace.folder)
    }

    @Test("the preview shows internal items, every partner, the comments and who sees each item")
    func previewHoldsEverything() async throws {
        let workspace = try Self.workspace("iso-preview")
        defer { workspace.discard() }
        let result = try await Self.preview(workspace, out: "team-preview")
        try #require(result.status == 0, "\(result)")
        let root = workspace.folder.appendingPathComponent("team-preview")
        let everything = IsolationWorkspace.internalTokens.filter { $0 != "zqhiddenval" }
            + IsolationWorkspace.commentTokens + ["ZQALPHANAME", "ZQBETANAME", "ZQGAMMANAME", "ZQBETAONLY", "ZQBETADOC"]
        let missing = try IsolationScan.missing(everything, in: root)
        #expect(missing.isEmpty, "the preview lacks \(missing)")
        let site = try PartnerSite(root: root)
        for badge in ["Internal", "All partners", "Only Beta ZQBETANAME"] {
            #expect(site.html.values.contains { $0.contains("class=\"badge\">\(badge)") }, "no badge \(badge)")
        }
        // Nothing of it went to a partner output.
        #expect(!FileManager.default.fileExists(atPath: workspace.folder.appendingPathComponent("site").path))
        #expect(!FileManager.default.fileExists(atPath: workspace.out.path))
    }

    @Test("--out inside site/ is refused, and nothing is written", arguments: ["site", "site/preview", "./site/x/../y"])
    func insideSiteRefused(_ out: String) async throws {
        let workspace = try Self.workspace("iso-preview-site")
        defer { workspace.discard() }
        let before = IsolationTree.entries(under: workspace.folder)
        let result = try await Self.preview(workspace, out: out)
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains("partner output"), "\(result)")
        #expect(IsolationTree.entries(under: workspace.folder) == before)
    }

    @Test("the preview is never written into, over or among partner sites built elsewhere",
          arguments: ["out", "out/preview", "out/alpha-zqslga", "out/alpha-zqslga/inner"])
    func neverAmongPartnerSites(_ out: String) async throws {
        let workspace = try Self.workspace("iso-preview-out")
        defer { workspace.discard() }
        let built = try await workspace.build()
        try #require(built.status == 0, "\(built)")
        let before = try IsolationStamps(workspace.out)

        let result = try await Self.preview(workspace, out: out)
        #expect(result.status != 0, "\(result)")
        #expect(result.stderr.contains("partner sites"), "\(result)")
        #expect(try IsolationStamps(workspace.out).differences(from: before).isEmpty, "the partner output changed")
        let comments = IsolationWorkspace.commentTokens.map { ($0, "a comment") }
        #expect(try IsolationScan.findings(in: workspace.out, forbidden: comments).isEmpty)
    }

    /// Publishing swaps a whole folder in; pointed at a folder that is not an earlier
    /// preview, that swap would delete whatever was there (`--out .` emptied the
    /// current folder). An earlier preview is replaced as usual.
    @Test("the preview refuses to replace a folder it did not make, and replaces its own")
    func refusesForeignFolder() async throws {
        let workspace = try Self.workspace("iso-preview-foreign")
        defer { workspace.discard() }
        let mine = workspace.folder.appendingPathComponent("notes")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: mine.appendingPathComponent("todo.txt"))

        for out in ["../notes", "."] {
            let before = IsolationTree.entries(under: workspace.folder)
            let refused = try await PorticoBinary.run(["preview", workspace.root.path, "--out", out], in: mine)
            #expect(refused.status == 1, "\(out): \(refused)")
            #expect(refused.stderr.contains("not a Portico team preview"), "\(refused)")
            #expect(IsolationTree.entries(under: workspace.folder) == before, "\(out): files changed")
        }
        #expect(try String(contentsOf: mine.appendingPathComponent("todo.txt"), encoding: .utf8) == "keep me\n")

        let first = try await Self.preview(workspace, out: "team-preview")
        try #require(first.status == 0, "\(first)")
        let again = try await Self.preview(workspace, out: "team-preview")
        #expect(again.status == 0, "an earlier preview is replaced: \(again)")
    }
}
