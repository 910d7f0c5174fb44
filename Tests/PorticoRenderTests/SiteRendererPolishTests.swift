import Foundation
import PorticoModel
import Testing
@testable import PorticoRender

/// Details a first-time reader noticed: titles said twice, control characters in
/// names, a JSON body labelled "text", summaries that run sentences together.
@Suite("Site renderer: polish")
struct SiteRendererPolishTests {
    typealias S = SiteRendererTests

    private func render(_ site: PartnerSite) throws -> [String: String] {
        var byPath: [String: String] = [:]
        for file in try SiteRenderer(theme: S.theme.get()).render(site) {
            byPath[file.path] = String(decoding: file.bytes, as: UTF8.self)
        }
        return byPath
    }

    @Test("the overview's title is the workspace name once; other pages add it after their own")
    func titles() throws {
        let files = try render(S.site())
        #expect(try #require(files["index.html"]).contains("<title>Acme Payments</title>"))
        #expect(try #require(files["team.html"]).contains("<title>Team · Acme Payments</title>"))
    }

    @Test("control and bidirectional-override characters in a name never reach a page")
    func controlCharacters() throws {
        let name = "Pay\u{0}ments\u{7} \u{202E}IPA\u{202C}"
        let files = try render(S.site(collections: [S.collection("c", name, [S.request("r", name)])]))
        for (path, text) in files where path.hasSuffix(".html") {
            #expect(!text.unicodeScalars.contains { [0x0, 0x7, 0x202E, 0x202C].contains($0.value) }, "\(path)")
        }
        #expect(try #require(files["c/c/r.html"]).contains("Payments IPA"))
    }

    @Test("a raw body without a language takes it from the request's Content-Type")
    func languageFromContentType() throws {
        let files = try render(S.site(collections: [S.collection("c", "C", [
            S.request("r", "R", body: .raw(text: #"{"a": 1}"#, language: nil)),
        ])]))
        #expect(try #require(files["c/c/r.html"]).contains(#"<code class="language-json">"#))
    }

    @Test("paragraphs and headings stay apart in a search summary", arguments: [
        ("Tokens are valid for one hour\n\nThe token is a JWT.", "valid for one hour. The token"),
        ("Say so first\n## Signed with Hawk\nWhich needs a key.", "Say so first. Signed with Hawk. Which needs"),
        ("Ends well.\n\nNext one.", "Ends well. Next one."),
    ])
    func summaryBreaks(_ markdown: String, _ expected: String) {
        #expect(SearchIndexWriter.plain(RichText(markdown)).contains(expected), "\(SearchIndexWriter.plain(RichText(markdown)))")
    }
}
