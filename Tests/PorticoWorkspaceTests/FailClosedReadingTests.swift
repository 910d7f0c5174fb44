import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

/// Inputs that, read loosely, would show partners more than the team wrote: each is
/// a located error instead (found by trying to break the product).
@Suite("Fail-closed reading")
struct FailClosedReadingTests {
    private func errors(_ changes: [String: String?]) -> [String] {
        thrownDiagnostics { _ = try WorkspaceLoader.load(WorkspaceLoaderTests.tree(changes)) }
            .filter { $0.severity == .error }.map(\.description)
    }

    @Test("a second partner file in a subfolder cannot take over a partner's site")
    func partnerInSubfolder() {
        let found = errors(["partners/eu/globex.yaml": "name: Hooli XYZ\n"])
        #expect(found == ["partners/eu/globex.yaml:1:1: error: partner files sit directly in partners/ "
                          + "(partners/<slug>.yaml); subfolders are not read"], "\(found)")
    }

    @Test("a partner needs a name, and two partners cannot share one")
    func partnerNames() {
        #expect(errors(["partners/globex.yaml": "name: \"  \"\n"]).contains { $0.contains("has an empty name") })
        let twins = errors(["partners/hooli.yaml": "name: globex corporation\n"])
        #expect(twins.contains { $0.contains("two partners are named") }, "\(twins)")
    }

    @Test("an empty visibility key is an error, not a key left out", arguments: [
        ("docs/getting-started.md", "---\npartners:\n#  - globex\n---\n# Page\n", "docs/getting-started.md:2:10"),
        ("docs/getting-started.md", "---\nvisibility: ~\n---\n# Page\n", "docs/getting-started.md:2:13"),
    ])
    func emptyFrontMatterKey(_ path: String, _ text: String, _ position: String) {
        let found = errors([path: text])
        #expect(found.count == 1 && found[0].hasPrefix(position + ": error: `"), "\(found)")
        #expect(found.first?.contains("has no value") == true, "\(found)")
    }

    @Test("an empty internal: or partners: list in portico.yaml is an error")
    func emptySettingsList() {
        let internalEmpty = errors(["portico.yaml": WorkspaceLoaderTests.settings(visibility: "visibility:\n  internal:\n")])
        #expect(internalEmpty.contains { $0.contains("`internal:` has no value") }, "\(internalEmpty)")
        let visibilityEmpty = errors(["portico.yaml": WorkspaceLoaderTests.settings(visibility: "visibility:\n")])
        #expect(visibilityEmpty.contains { $0.contains("`visibility:` has no value") }, "\(visibilityEmpty)")
    }

    @Test("front matter after blank lines is refused, so `visibility: internal` never turns into text")
    func frontMatterAfterBlankLines() {
        let found = errors(["docs/runbook.md": "\n\n---\nvisibility: internal\n---\n# Runbook\n"])
        #expect(found == ["docs/runbook.md:3:1: error: front matter must start on the first line: "
                          + "remove the blank lines above this `---`"], "\(found)")
    }

    @Test("a page that only starts with text and has a rule later is read as before")
    func ruleInBody() throws {
        let workspace = try WorkspaceLoader.load(WorkspaceLoaderTests.tree(["docs/getting-started.md": "# Start\n\n---\n\nMore\n"]))
        #expect(workspace.docs.first?.body.contains("More") == true)
    }
}

/// Values that would be copied into every site or misread: refused with a reason.
@Suite("Settings values")
struct SettingsValueTests {
    @Test("base_url is a plain absolute http(s) URL: no query, fragment or credentials", arguments: [
        ("https://docs.acme.example/partners", true),
        ("http://docs.acme.example", true),
        ("https://docs.acme.example/p?q=1", false),
        ("https://docs.acme.example/p#top", false),
        ("https://user:pw@docs.acme.example/p", false),
        ("docs.acme.example/p", false),
        ("ftp://docs.acme.example", false),
    ])
    func baseURL(_ text: String, _ accepted: Bool) {
        #expect(WorkspaceSettingsReader.isAbsoluteHTTPURL(text) == accepted, "\(text)")
    }

    @Test("portico.lock holds a date; anything else is a located error naming what was found")
    func lockDate() throws {
        #expect(try LockFile.read(Data("multipartner_enabled: 2026-12-04\n".utf8)).enabledOn == "2026-12-04")
        let found = thrownDiagnostics { _ = try LockFile.read(Data("multipartner_enabled: no\n".utf8)) }.map(\.description)
        #expect(found.first?.hasPrefix("portico.lock:1:1: error: portico.lock is not readable") == true, "\(found)")
        #expect(found.first?.contains("found `no`") == true, "\(found)")
    }
}
