import Foundation
import Testing

/// A public docs page linking to pages a partner may not see, and to a page that does
/// not exist: the build succeeds (the leak guard has nothing to find), the missing
/// page is a located warning, and no file of the partner's site names a hidden page.
@Suite("Docs links end to end")
struct DocLinkEndToEndTests {
    static let files: [String: String] = {
        var files = WorkspaceFiles.minimal(partners: [WorkspaceFiles.alpha, WorkspaceFiles.beta])
        files["docs/guide.md"] = """
            ---
            title: Guide
            ---
            # Guide

            Read [the setup](setup.md) first.
            Our team follows [the on-call notes](opsrunbookzz.md#pager) and
            the [beta programme](betaonlyzz.md).
            Also see [a page that never was](nosuchpagezz.md).

            """
        files["docs/setup.md"] = "# Setup\n\nKeys.\n"
        files["docs/opsrunbookzz.md"] = "---\nvisibility: internal\n---\n# Operations handbook\n\nPager.\n"
        files["docs/betaonlyzz.md"] = "---\npartners: [beta]\n---\n# Beta programme details\n\nEarly.\n"
        return files
    }()

    @Test("links to hidden and missing pages leave only their text; visible links work; missing is a warning")
    func hiddenAndMissingLinks() async throws {
        let workspace = try TestWorkspace("doc-links", files: Self.files)
        defer { workspace.discard() }
        let result = try await workspace.buildFromInside()
        #expect(result.status == 0, "\(result)")

        let warning = result.stderr.split(separator: "\n").filter { $0.contains("warning:") }
        #expect(warning.count == 1, "\(result)")
        #expect(warning.first?.contains("docs/guide.md:9:") == true, "\(result)")
        #expect(warning.first?.contains("nosuchpagezz.md") == true, "\(result)")
        #expect(!result.stderr.contains("error:"), "\(result)")

        let alpha = try workspace.site("alpha")
        let guide = try #require(alpha.html["docs/guide.html"])
        #expect(guide.contains(#"<a href="../docs/setup.html">the setup</a>"#))
        for text in ["the on-call notes", "beta programme", "a page that never was"] {
            #expect(alpha.text["docs/guide.html"]?.contains(text) == true, "link text `\(text)` kept")
        }
        for slug in ["opsrunbookzz", "betaonlyzz", "nosuchpagezz"] {
            let hits = try Self.filesContaining(slug, under: alpha.root)
            #expect(hits.isEmpty, "alpha's site names `\(slug)` in \(hits)")
        }

        // Beta may see the beta page: its link stays and leads to the page.
        let beta = try workspace.site("beta")
        #expect(beta.html["docs/guide.html"]?.contains(#"<a href="../docs/betaonlyzz.html">beta programme</a>"#) == true)
        #expect(beta.files.contains("docs/betaonlyzz.html"))
        #expect(try Self.filesContaining("opsrunbookzz", under: beta.root).isEmpty)
    }

    /// Paths (and file names) under `root` whose name or bytes contain `needle`, any case.
    static func filesContaining(_ needle: String, under root: URL) throws -> [String] {
        DirectorySnapshot.relativePaths(under: root).filter { path in
            if path.lowercased().contains(needle) { return true }
            let data = (try? Data(contentsOf: root.appendingPathComponent(path))) ?? Data()
            return String(decoding: data, as: UTF8.self).lowercased().contains(needle)
        }
    }
}
