import Foundation
import Testing

/// One way to break a workspace that built fine, and the diagnostic it must give.
struct BrokenInput: Sendable, CustomTestStringConvertible {
    var name: String
    /// Files written over the good workspace (relative path → new contents).
    var edits: [String: String]
    /// The diagnostic line must match this (it starts `path:line:`, the path relative to the
    /// workspace the build runs in).
    var location: String
    /// Words the message must contain.
    var mentions: [String]

    var testDescription: String { name }

    static let all: [BrokenInput] = [
        BrokenInput(
            name: "portico.yaml that is not YAML (a mis-indented key)",
            edits: ["portico.yaml": "name: E2E Workspace\nmultipartner: true\nteam:\n  - name: Ada Admin\n"
                + "   role: admin\n"],
            location: #"^(?:\./)?portico\.yaml:5:\d+: error: "#, mentions: []),
        BrokenInput(
            name: "collection JSON with a trailing comma",
            edits: ["collections/x.json": """
                {
                  "info": {"name": "Orders API",
                           "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
                  "item": [
                    {"name": "Ping", "request": {"method": "GET", "url": "https://api.example.test/ping"}},
                  ]
                }

                """],
            // The comma ends line 5; reporting it there or at the `]` on line 6 both locate it.
            location: #"^(?:\./)?collections/x\.json:[56]:\d+: error: "#, mentions: []),
        BrokenInput(
            name: "collection JSON cut off in the middle",
            edits: ["collections/x.json": String(WorkspaceFiles.ordersCollection.prefix(260))],
            location: #"^(?:\./)?collections/x\.json:[1-9]\d*:\d+: error: "#, mentions: []),
        BrokenInput(
            name: "unknown partner slug in a visibility.partners selector",
            edits: ["portico.yaml": WorkspaceFiles.settings(extra: """
                visibility:
                  partners:
                    collections/Orders API/Orders: [alpha, gamma]

                """)],
            location: #"^(?:\./)?portico\.yaml:8:\d+: error: "#, mentions: ["gamma"]),
        BrokenInput(
            name: "misspelt key visibilty:",
            edits: ["portico.yaml": WorkspaceFiles.settings(extra: """
                visibilty:
                  internal:
                    - collections/Orders API/Orders

                """)],
            location: #"^(?:\./)?portico\.yaml:6:1: error: "#, mentions: ["visibilty"]),
    ]
}

/// Bad input stops the build with one `path:line:column: error: message` line, exit status 1,
/// and leaves the sites published before exactly as they were (spec section 9).
@Suite("Bad input")
struct ErrorHandlingTests {
    /// A good two-partner workspace, built once; returns it with a snapshot of its output.
    private func builtWorkspace() async throws -> (TestWorkspace, DirectorySnapshot) {
        var files = WorkspaceFiles.minimal(partners: [WorkspaceFiles.alpha, WorkspaceFiles.beta])
        files["collections/x.json"] = WorkspaceFiles.ordersCollection
        let workspace = try TestWorkspace("bad-input", files: files)
        let good = try await workspace.build()
        try #require(good.status == 0, "the good workspace must build: \(good)")
        return (workspace, try DirectorySnapshot(workspace.out))
    }

    @Test("bad input gives one located error line, exit 1, and the published sites stay byte-identical",
          arguments: BrokenInput.all)
    func badInputIsReportedAndPublishesNothing(_ input: BrokenInput) async throws {
        let (workspace, before) = try await builtWorkspace()
        defer { workspace.discard() }
        for (path, contents) in input.edits { try workspace.write(path, contents) }

        let result = try await workspace.buildFromInside()

        #expect(result.status == 1, "\(result)")
        #expect(result.diagnostics.count == 1, "expected exactly one error line: \(result)")
        let line = result.diagnostics.first ?? result.lines.first ?? ""
        #expect(line.contains(try Regex(input.location)), "\(line)")
        for word in input.mentions { #expect(line.contains(word), "\(line)") }
        let after = try DirectorySnapshot(workspace.out)
        #expect(after == before, "changed by the failed build: \(after.differences(from: before))")
    }

    @Test("a multipartner build writes portico.lock")
    func multipartnerBuildWritesLock() async throws {
        let (workspace, _) = try await builtWorkspace()
        defer { workspace.discard() }
        #expect(workspace.fileExists("portico.lock"))
    }

    @Test("turning multipartner off after the lock was written is an error that names the lock",
          arguments: [false, nil] as [Bool?])
    func multipartnerCannotBeTurnedOff(_ multipartner: Bool?) async throws {
        let (workspace, before) = try await builtWorkspace()
        defer { workspace.discard() }
        try #require(workspace.fileExists("portico.lock"))
        try workspace.write("portico.yaml", WorkspaceFiles.settings(multipartner: multipartner))

        let result = try await workspace.buildFromInside()

        #expect(result.status == 1, "\(result)")
        #expect(result.diagnostics.count == 1, "\(result)")
        #expect(result.output.contains("portico.lock"), "\(result)")
        // It points at the `multipartner: false` line where there is one (line 2 of
        // these settings), else at the top of the file.
        #expect(result.diagnostics.first?.hasPrefix(multipartner == nil ? "portico.yaml:1:1:" : "portico.yaml:2:15:") == true,
                "\(result)")
        #expect(try DirectorySnapshot(workspace.out) == before)
        #expect(!FileManager.default.fileExists(atPath: workspace.out.appendingPathComponent("partners").path))
    }
}
