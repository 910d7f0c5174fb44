import Foundation
import PorticoModel
import Testing
@testable import PorticoRender

/// Rendering a `PartnerSite` with the default theme: which files, how they link,
/// what is escaped, what is cut short, what the search index and sitemap hold.
@Suite("Site renderer")
struct SiteRendererTests {
    /// The default theme from `templates/` at the repository root.
    static let theme: Result<Theme, Error> = Result {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("templates")
        var files: [String: String] = [:]
        let walker = FileManager.default.enumerator(atPath: root.path)
        while let path = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            let url = root.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                  !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            files[path] = try String(contentsOf: url, encoding: .utf8)
        }
        return try Theme.from(files: files)
    }

    static let exampleBodyMarker = "EXAMPLE-BODY-NOT-FOR-SEARCH"

    static func request(_ slug: String, _ name: String, body: SiteBody? = nil, examples: [SiteExample] = []) -> SiteItem {
        .request(SiteRequest(slug: slug, name: name, method: "POST", url: "https://api.example/\(slug)",
                             query: [SiteParameter(key: "limit", value: "10")],
                             headers: [SiteParameter(key: "Content-Type", value: "application/json")],
                             auth: SiteAuth(type: "bearer", parameters: [SiteParameter(key: "token", value: "{{token}}")]),
                             body: body, examples: examples, selector: "collections/x/\(name)"))
    }

    static func collection(_ slug: String, _ name: String, _ items: [SiteItem]) -> SiteCollection {
        SiteCollection(slug: slug, name: name, description: RichText("About **this** collection."), items: items,
                       download: .object([("info", .object([("name", .string(name))]))]),
                       selector: "collections/\(name)")
    }

    static func site(collections: [SiteCollection]? = nil, baseURL: String? = nil,
                     preview: PreviewInfo? = nil) -> PartnerSite {
        PartnerSite(
            folder: "globex",
            workspaceName: "Acme Payments",
            workspaceDescription: RichText("Payments for partners. See [the guide](docs/getting-started.md)."),
            audience: SitePartner(slug: "globex", name: "Globex Corporation",
                                  members: [SitePerson(name: "Hank Scorpio", role: "viewer")]),
            partners: [SitePartner(slug: "globex", name: "Globex Corporation",
                                   members: [SitePerson(name: "Hank Scorpio", role: "viewer")])],
            team: [SitePerson(name: "Dana Rivera", role: "admin")],
            collections: collections ?? [collection("payments-api", "Payments API", [
                .folder(SiteFolder(slug: "charges", name: "Charges", description: RichText("Money in."), items: [
                    request("create-a-charge", "Create a charge", body: .raw(text: #"{"amount": 100}"#, language: "json"),
                            examples: [SiteExample(name: "Created", status: "Created", code: 201,
                                                   body: #"{"id": "\#(exampleBodyMarker)"}"#, language: "json")]),
                ], selector: "collections/Payments API/Charges")),
                request("ping", "Ping"),
            ])],
            docs: [
                SiteDoc(slug: "getting-started", title: "Getting started", order: 1,
                        body: "# Getting started\n\nRead [the API](../c/payments-api/index.html).", selector: "docs/getting-started"),
                SiteDoc(slug: "guides/webhooks", title: "Webhooks", body: "Webhooks body.", selector: "docs/guides/webhooks"),
            ],
            environment: SiteEnvironment(name: "Sandbox", values: [
                SiteVariable(key: "base_url", value: "https://sandbox.example"),
                SiteVariable(key: "token", value: "", isSecret: true),
            ], selector: "environments/Sandbox"),
            baseURL: baseURL,
            preview: preview)
    }

    private func render(_ site: PartnerSite) throws -> [String: String] {
        let files = try SiteRenderer(theme: Self.theme.get()).render(site)
        var byPath: [String: String] = [:]
        for file in files {
            #expect(byPath[file.path] == nil, "\(file.path) written twice")
            byPath[file.path] = String(decoding: file.bytes, as: UTF8.self)
        }
        return byPath
    }

    // MARK: - Files

    @Test("a site has its overview, team, a page per collection, folder, request and doc, downloads, search and theme")
    func fileSet() throws {
        let files = try render(Self.site())
        let expected: Set<String> = [
            "index.html", "team.html", "search.html", "search-index.js", "404.html", "environments.html",
            "c/payments-api/index.html", "c/payments-api/charges.html", "c/payments-api/create-a-charge.html",
            "c/payments-api/ping.html",
            "docs/getting-started.html", "docs/guides/webhooks.html",
            "downloads/payments-api.postman_collection.json", "downloads/sandbox.postman_environment.json",
            "_theme/portico.css", "_theme/portico.js",
        ]
        #expect(Set(files.keys) == expected)
    }

    @Test("the same site renders to the same bytes every time")
    func deterministic() throws {
        #expect(try render(Self.site()) == render(Self.site()))
    }

    @Test("downloads are the collection's JSON and the environment with secrets blank")
    func downloads() throws {
        let site = Self.site()
        let files = try render(site)
        #expect(files["downloads/payments-api.postman_collection.json"] == JSONSerializer.serialize(site.collections[0].download))
        let environment = try #require(files["downloads/sandbox.postman_environment.json"])
        #expect(environment.contains(#""key": "base_url""#))
        #expect(environment.contains(#""value": "https://sandbox.example""#))
        #expect(environment.contains(#""type": "secret""#))
    }

    // MARK: - Links

    /// Every `href`, `src` and form `action` of an HTML page.
    static func links(in html: String) -> [String] {
        var out: [String] = []
        for attribute in ["href=\"", "src=\"", "action=\""] {
            var rest = Substring(html)
            while let start = rest.range(of: attribute) {
                rest = rest[start.upperBound...]
                guard let end = rest.firstIndex(of: "\"") else { break }
                out.append(String(rest[..<end]))
                rest = rest[end...]
            }
        }
        return out
    }

    /// The site file a relative link from `page` leads to, or nil if it leaves the site.
    static func resolve(_ link: String, from page: String) -> String? {
        var target = link
        if let i = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<i]) }
        if target.isEmpty { return page }
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in (target.removingPercentEncoding ?? target).split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..": if parts.popLast() == nil { return nil }
            case ".": continue
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    @Test("every link is relative and leads to a file of the site", arguments: [false, true])
    func linksRelativeAndWhole(nonASCII: Bool) throws {
        var site = Self.site()
        if nonASCII {
            site.collections.append(Self.collection("注文-api", "注文 API", [
                .folder(SiteFolder(slug: "一覧", name: "一覧", items: [Self.request("作成", "作成")], selector: "x")),
            ]))
        }
        let files = try render(site)
        for (path, text) in files where path.hasSuffix(".html") {
            for link in Self.links(in: text) {
                if link.hasPrefix("https://") || link.hasPrefix("http://") || link.hasPrefix("mailto:") { continue }
                #expect(!link.hasPrefix("/"), "\(path) links to \(link)")
                #expect(!link.contains("://"), "\(path) links to \(link)")
                if link.hasPrefix("#") { continue }
                let target = Self.resolve(link, from: path)
                #expect(target.map { files[$0] != nil } == true, "\(path) links to \(link), which is not a file of the site")
            }
        }
    }

    @Test("links to non-ASCII slugs are percent-encoded")
    func percentEncodedLinks() throws {
        let files = try render(Self.site(collections: [Self.collection("注文-api", "注文 API", [Self.request("作成", "作成")])]))
        #expect(files["c/注文-api/index.html"] != nil)
        #expect(files["c/注文-api/作成.html"] != nil)
        let overview = try #require(files["index.html"])
        let links = Self.links(in: overview)
        #expect(links.contains("c/%E6%B3%A8%E6%96%87-api/index.html"))
        #expect(!links.contains { $0.contains("注文") })
        let collection = try #require(files["c/注文-api/index.html"])
        #expect(Self.links(in: collection).contains("../../c/%E6%B3%A8%E6%96%87-api/%E4%BD%9C%E6%88%90.html"))
    }

    @Test("a page links back to the root with as many ../ as it is deep", arguments: [
        ("index.html", ""), ("c/payments-api/index.html", "../../"), ("docs/guides/webhooks.html", "../../"),
        ("docs/getting-started.html", "../"),
    ])
    func rootPrefix(_ page: String, _ prefix: String) throws {
        let html = try #require(try render(Self.site())[page])
        #expect(html.contains("href=\"\(prefix)_theme/portico.css\""))
        #expect(Self.links(in: html).contains(prefix + "index.html"))
    }

    // MARK: - Escaping

    @Test("names are text: markup in a name is escaped on every page and in the search index")
    func namesEscaped() throws {
        let hostile = "<b>Bold</b> & <script>alert(1)</script>"
        var site = Self.site(collections: [Self.collection("c", hostile, [
            .folder(SiteFolder(slug: "f", name: hostile, items: [Self.request("r", hostile)], selector: "f")),
        ])])
        site.workspaceName = hostile
        site.team = [SitePerson(name: hostile, role: "admin")]
        let files = try render(site)
        for (path, text) in files where path.hasSuffix(".html") {
            #expect(!text.contains("<b>Bold</b>"), "\(path) has the name as markup")
            #expect(!text.contains("<script>alert(1)</script>"), "\(path) has the name as markup")
        }
        #expect(try #require(files["c/c/r.html"]).contains("&lt;b&gt;Bold&lt;/b&gt; &amp; "))
        let index = try #require(files["search-index.js"])
        #expect(!index.contains("<script>"))
        #expect(!index.contains("</script>"))
        #expect(index.contains(#"\u003cb\u003eBold\u003c/b\u003e"#))
    }

    @Test("a request body is shown as text, never as markup")
    func bodyEscaped() throws {
        let files = try render(Self.site(collections: [Self.collection("c", "C", [
            Self.request("r", "R", body: .raw(text: "<img src=x onerror=alert(1)>", language: "html")),
        ])]))
        let page = try #require(files["c/c/r.html"])
        #expect(!page.contains("<img src=x"))
        #expect(page.contains("&lt;img src=x onerror=alert(1)&gt;"))
    }

    // MARK: - Long bodies

    /// Ends every long body, so "is the whole body on the page" is one cheap search.
    static let endMarker = "END-OF-THE-WHOLE-BODY"

    @Test("a body over 64 KB is cut on the page, with the whole text in a .txt file beside it", arguments: [
        String(repeating: "0123456789abcdef", count: 4_500),
        String(repeating: "é", count: 40_000),
        String(repeating: "注", count: 25_000),
        String(repeating: "🚀", count: 20_000),
    ])
    func longBody(_ filler: String) throws {
        let body = filler + Self.endMarker
        #expect(body.utf8.count > 64 * 1024)
        let files = try render(Self.site(collections: [Self.collection("c", "C", [
            Self.request("r", "R", body: .raw(text: body, language: "text")),
        ])]))
        #expect(files["c/c/r.body.txt"] == body)
        let page = try #require(files["c/c/r.html"])
        #expect(page.contains(String(filler.prefix(200))), "the beginning of the body is not on the page")
        #expect(Self.links(in: page).contains { Self.resolve($0, from: "c/c/r.html") == "c/c/r.body.txt" })
        #expect(!page.contains("\u{FFFD}"), "the cut split a character")
        // The cURL sample sends the file beside the page instead of repeating the body.
        #expect(!page.contains(Self.endMarker), "the whole body is on the page")
        #expect(page.utf8.count < body.utf8.count)
        #expect(page.contains("@r.body.txt"), "the sample does not send the body file")
    }

    @Test("a long saved example is cut the same way, into its own file")
    func longExample() throws {
        let body = String(repeating: "x", count: 70_000) + Self.endMarker
        let files = try render(Self.site(collections: [Self.collection("c", "C", [
            Self.request("r", "R", examples: [SiteExample(name: "OK", code: 200), SiteExample(name: "Big", code: 200, body: body)]),
        ])]))
        #expect(files["c/c/r.example-2.txt"] == body)
        #expect(files["c/c/r.example-1.txt"] == nil)
        let page = try #require(files["c/c/r.html"])
        #expect(!page.contains(Self.endMarker))
        #expect(page.utf8.count < body.utf8.count)
    }

    @Test("a body of exactly 64 KB stays on the page whole")
    func bodyAtLimit() throws {
        let body = String(repeating: "y", count: 64 * 1024 - Self.endMarker.utf8.count) + Self.endMarker
        let files = try render(Self.site(collections: [Self.collection("c", "C", [
            Self.request("r", "R", body: .raw(text: body, language: "text")),
        ])]))
        #expect(files["c/c/r.body.txt"] == nil)
        #expect(try #require(files["c/c/r.html"]).contains(Self.endMarker))
    }

    // MARK: - Search index

    @Test("the search index lists every title but no example bodies")
    func searchIndex() throws {
        let index = try #require(try render(Self.site())["search-index.js"])
        #expect(index.hasPrefix("window.PORTICO_SEARCH = "))
        for title in ["Payments API", "Charges", "Create a charge", "Ping", "Getting started", "Webhooks"] {
            #expect(index.contains("\"\(title)\""), "\(title) is not in the index")
        }
        #expect(!index.contains(Self.exampleBodyMarker))
        #expect(!index.contains("amount"), "a request body reached the index")
    }

    @Test("the search index links are the pages' paths, percent-encoded")
    func searchIndexLinks() throws {
        let files = try render(Self.site(collections: [Self.collection("注文", "注文", [Self.request("作成", "作成")])]))
        let index = try #require(files["search-index.js"])
        #expect(index.contains(#""c/%E6%B3%A8%E6%96%87/%E4%BD%9C%E6%88%90.html""#))
    }

    // MARK: - 404 page

    @Test("with base_url the 404 page pins its links to the site folder; no other page gets a <base>",
          arguments: [("https://docs.acme.example/partners", "/partners/globex/"),
                      ("https://docs.acme.example/partners/", "/partners/globex/"),
                      ("https://docs.acme.example", "/globex/")])
    func notFoundBase(_ baseURL: String, _ expected: String) throws {
        let files = try render(Self.site(baseURL: baseURL))
        let page = try #require(files["404.html"])
        #expect(page.contains(#"<base href="\#(expected)">"#))
        // Resolved against the base, these reach the site's own files from any depth.
        #expect(page.contains(#"href="_theme/portico.css""#))
        #expect(page.contains(#"href="index.html""#))
        // "#main" would resolve against the base too, leading away from the page.
        #expect(!page.contains(##"href="#main""##))
        for (path, text) in files where path.hasSuffix(".html") && path != "404.html" {
            #expect(!text.contains("<base"), "\(path)")
        }
    }

    @Test("without base_url, and in the team preview, the 404 page has no <base> (a guess breaks sub-folders and file://)")
    func notFoundWithoutBase() throws {
        for site in [Self.site(), Self.site(baseURL: "https://docs.acme.example", preview: PreviewInfo())] {
            let page = try #require(try render(site)["404.html"])
            #expect(!page.contains("<base"))
            #expect(page.contains(##"href="#main""##))
        }
    }

    // MARK: - Sitemap

    @Test("a sitemap is written only when base_url is set", arguments: [nil, "https://docs.acme.example/partners",
                                                                       "https://docs.acme.example/partners/"])
    func sitemap(_ baseURL: String?) throws {
        let files = try render(Self.site(baseURL: baseURL))
        guard baseURL != nil else {
            #expect(files["sitemap.xml"] == nil)
            return
        }
        let sitemap = try #require(files["sitemap.xml"])
        #expect(sitemap.contains("<loc>https://docs.acme.example/partners/globex/index.html</loc>"))
        #expect(sitemap.contains("<loc>https://docs.acme.example/partners/globex/c/payments-api/create-a-charge.html</loc>"))
        #expect(!sitemap.contains("404.html"))
        #expect(!sitemap.contains("partners//"))
    }

    @Test("the team preview never gets a sitemap, even with base_url")
    func noSitemapInPreview() throws {
        let files = try render(Self.site(baseURL: "https://docs.acme.example", preview: PreviewInfo()))
        #expect(files["sitemap.xml"] == nil)
    }

    @Test("sitemap URLs are escaped XML and percent-encoded paths")
    func sitemapEscaping() throws {
        var site = Self.site(collections: [Self.collection("注文", "注文", [Self.request("作成", "作成")])],
                             baseURL: "https://docs.example/a?x=1&y=2")
        site.folder = "globex"
        let sitemap = try #require(try render(site)["sitemap.xml"])
        #expect(!sitemap.contains("&y"), "a raw & in XML")
        #expect(sitemap.contains("c/%E6%B3%A8%E6%96%87/%E4%BD%9C%E6%88%90.html"))
    }
}
