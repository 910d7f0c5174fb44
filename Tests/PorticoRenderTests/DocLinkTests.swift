import Foundation
import PorticoModel
import Testing
@testable import PorticoRender

/// Links between docs pages: a link to a page the site holds leads to its published
/// page; a link to a page the site does not hold (hidden from this reader, or
/// missing) is removed, its text kept, and the page's slug appears nowhere.
@Suite("Docs links")
struct DocLinkTests {
    static let body = """
        # Guide

        See [the setup](setup.md#keys), [our procedures](runbook.md "Runbook"), \
        [up](../overview.md), [nested](guides/Web%20Hooks.md) and [gone](missing-page.md).

        [ref link][r] and <a href="./runbook.md">raw</a>.

        [r]: runbook.md
        """

    static func site(docs: [SiteDoc]) -> PartnerSite {
        PartnerSite(folder: "globex", workspaceName: "Acme",
                    workspaceDescription: RichText("Start with [the guide](docs/a/guide.md), not [this](docs/runbook.md)."),
                    docs: docs)
    }

    static let guide = SiteDoc(slug: "a/guide", title: "Guide", body: body, selector: "docs/a/guide")
    static let setup = SiteDoc(slug: "a/setup", title: "Setup", body: "Setup.", selector: "docs/a/setup")
    static let overview = SiteDoc(slug: "overview", title: "Overview", body: "Hi.", selector: "docs/overview")
    static let hooks = SiteDoc(slug: "a/guides/Web Hooks", title: "Hooks", body: "Hooks.", selector: "docs/a/guides/Web Hooks")

    func render(_ site: PartnerSite) throws -> [String: String] {
        let files = try SiteRenderer(theme: SiteRendererTests.theme.get()).render(site)
        return Dictionary(files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }) { a, _ in a }
    }

    @Test("a link to a page the site holds leads to that page's published file")
    func visibleLinks() throws {
        let files = try render(Self.site(docs: [Self.guide, Self.setup, Self.overview, Self.hooks]))
        let page = try #require(files["docs/a/guide.html"])
        #expect(page.contains(#"<a href="../../docs/a/setup.html#keys">the setup</a>"#))
        #expect(page.contains(#"<a href="../../docs/overview.html">up</a>"#))
        #expect(page.contains(#"<a href="../../docs/a/guides/web-hooks.html">nested</a>"#))
        let index = try #require(files["index.html"])
        #expect(index.contains(#"<a href="docs/a/guide.html">the guide</a>"#))
    }

    @Test("a link to a page the site does not hold is removed, its text kept, the slug nowhere")
    func hiddenLinks() throws {
        let files = try render(Self.site(docs: [Self.guide]))
        let page = try #require(files["docs/a/guide.html"])
        for text in ["the setup", "our procedures", "up", "nested", "gone", "ref link", "raw"] {
            #expect(page.contains(text), "link text `\(text)` kept")
        }
        #expect(!page.contains("<a href=\"../../docs/a/setup"))
        #expect(files["index.html"]?.contains("not this.") == true)
        for (path, text) in files {
            for slug in ["runbook", "setup.", "missing-page", "overview.", "Web%20Hooks", "web-hooks"] {
                #expect(!text.contains(slug), "\(path) names `\(slug)`")
            }
        }
    }

    @Test("links are read against the folder of the text that holds them", arguments: [
        ("guide.md", "docs/a", "a/guide"), ("./b/c.md#x", "docs/a", "a/b/c"), ("../top.md", "docs/a", "top"),
        ("docs/top.md", "", "top"), ("/docs/top.md", "docs/a", "top"), ("..\\top.md", "docs/a", "top"),
        ("Web%20Hooks.md", "docs", "Web Hooks"),
    ])
    func resolution(url: String, folder: String, slug: String) {
        #expect(DocLink.target(of: url, from: folder)?.slug == slug)
    }

    @Test("links that are not to a Markdown file, or lead outside docs/, are told apart", arguments: [
        "https://x.example/a.md", "mailto:a@b.md", "#top", "picture.png", "?q=a.md", "",
    ])
    func notDocLinks(url: String) {
        #expect(DocLink.target(of: url, from: "docs") == nil)
    }

    @Test("a .md link outside docs/ has no page", arguments: ["../README.md", "../../x.md", "../collections/a.md"])
    func outside(url: String) throws {
        #expect(try #require(DocLink.target(of: url, from: "docs")).slug == nil)
    }

    @Test("links are listed with the line and column where they start")
    func positions() {
        let links = MarkdownLinks.links(in: "# T\r\n\r\nSee [a](x.md) and\n[b][r].\n\n[r]: y.md\n")
        #expect(links == [MarkdownLinks.Link(url: "x.md", line: 3, column: 5), MarkdownLinks.Link(url: "y.md", line: 4, column: 1)])
    }
}
