import Foundation
import Testing

/// What the built HTML does in a real browser: Debian's `chromium`, headless, loads a
/// partner's pages from `file://` (the least forgiving way a site is opened) and its
/// DOM after the scripts ran is read back with `--dump-dom`.
@Suite("Browser", .enabled(if: Chromium.path != nil, "chromium is not installed (apt-get install chromium): skipped"))
struct BrowserTests {
    /// Whether an injected script ran: it left the attribute on <body>. (The payloads'
    /// own text, escaped, may well be on the page; an attribute `data-pwned="…"` is not.)
    static func ran(_ dom: String) -> Bool {
        dom.contains(/<body[^>]*\sdata-pwned="/)
    }

    /// Payloads that would each set `data-pwned` on <body> if they survived as live markup.
    static let payloads = [
        "<script>document.body.setAttribute('data-pwned','script')</script>",
        "<img src=x onerror=\"document.body.setAttribute('data-pwned','onerror')\">",
        "<svg onload=\"document.body.setAttribute('data-pwned','svg')\"></svg>",
        "<a href=\"javascript:document.body.setAttribute('data-pwned','href')\" id=\"jslink\">click</a>",
        "<iframe srcdoc=\"<script>parent.document.body.setAttribute('data-pwned','iframe')</script>\"></iframe>",
        "<details open ontoggle=\"document.body.setAttribute('data-pwned','toggle')\">x</details>",
    ]

    private static let built = OnceCache<URL>()

    /// One partner, a collection whose descriptions and names carry every payload, and a guide.
    private func site() async throws -> URL {
        try await Self.built.value("site") {
            let hostile = Self.payloads.joined(separator: "\n\n")
            let collection: [String: Any] = [
                "info": ["name": "Orders API", "description": "Orders.\n\n" + hostile,
                         "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"],
                "item": [
                    ["name": "Ping <img src=x onerror=\"document.body.setAttribute('data-pwned','name')\">",
                     "request": ["method": "GET", "url": "https://api.example.test/ping", "description": hostile]],
                    ["name": "Orders", "item": [
                        ["name": "List orders", "request": ["method": "GET", "url": "https://api.example.test/v1/orders"]],
                        ["name": "Create order", "request": [
                            "method": "POST", "url": "https://api.example.test/v1/orders",
                            "description": "Creates an order with a **reservation** window."]],
                    ]],
                ],
            ]
            var files = WorkspaceFiles.minimal()
            files["collections/orders.json"] = String(decoding: try JSONSerialization.data(withJSONObject: collection),
                                                      as: UTF8.self)
            files["docs/getting-started.md"] = "---\ntitle: Getting started\n---\n# Getting started\n\nAsk for a sandbox key.\n\n"
                + hostile + "\n"
            let workspace = try TestWorkspace("browser", files: files)
            let result = try await workspace.build()
            guard result.status == 0 else { throw Chromium.Failed(result: result) }
            return workspace.out.appendingPathComponent("alpha")
        }
    }

    @Test("search from file:// finds a request by a word of its description and links to its page")
    func searchFindsRequest() async throws {
        let site = try await site()
        let dom = try await Chromium.dom(of: site.appendingPathComponent("search.html"), query: "q=reservation")
        let results = try #require(Chromium.results(in: dom), "\(dom.prefix(2000))")
        #expect(results.contains("Create order"), "\(results)")
        #expect(!results.contains("List orders"), "\(results)")
        // The result's link leads to a file that exists, from the search page's folder.
        let href = try #require(results.firstMatch(of: /href="([^"]+)"/)?.1, "\(results)")
        let target = URL(string: String(href), relativeTo: site.appendingPathComponent("search.html"))
        let path = try #require(target?.standardizedFileURL.path.removingPercentEncoding)
        #expect(FileManager.default.fileExists(atPath: path), "\(href) → \(path)")
    }

    @Test("search says so when nothing matches, and shows the query as text")
    func searchWithoutHits() async throws {
        let site = try await site()
        let dom = try await Chromium.dom(of: site.appendingPathComponent("search.html"),
                                         query: "q=%3Cb%3Ezzqqxx%3C%2Fb%3E")
        let results = try #require(Chromium.results(in: dom), "\(dom.prefix(2000))")
        #expect(results.contains("Nothing matches &lt;b&gt;zzqqxx&lt;/b&gt;"), "\(results)")
    }

    @Test("no payload in a description, a name or a guide runs in the browser", arguments: [
        "index.html", "search.html", "docs/getting-started.html",
    ])
    func payloadsAreInert(_ page: String) async throws {
        let site = try await site()
        let dom = try await Chromium.dom(of: site.appendingPathComponent(page))
        #expect(dom.contains("<body"), "no DOM for \(page): \(dom.prefix(500))")
        #expect(!Self.ran(dom), "a payload ran on \(page)")
        #expect(!dom.contains("<iframe"), "\(page)")
        // A link is only run when clicked, so its URL is checked instead.
        #expect(!dom.lowercased().contains("href=\"javascript:"), "\(page)")
    }

    @Test("no payload runs on the collection's and the request's own pages")
    func payloadsAreInertOnCollectionPages() async throws {
        let site = try await site()
        let pages = try FileManager.default.subpathsOfDirectory(atPath: site.path)
            .filter { $0.hasPrefix("c/") && $0.hasSuffix(".html") }
        try #require(pages.count >= 4, "\(pages)")
        for page in pages {
            let dom = try await Chromium.dom(of: site.appendingPathComponent(page))
            #expect(dom.contains("<body"), "no DOM for \(page)")
            #expect(!Self.ran(dom), "a payload ran on \(page)")
        }
    }
}

/// Debian's headless chromium, run once per page.
enum Chromium {
    /// The browser's path, or nil when it is not installed.
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    struct Failed: Error, CustomStringConvertible {
        var result: CommandResult
        var description: String { "chromium failed: \(result)" }
    }

    /// The search results list of a dumped search page, from its opening tag to its end.
    static func results(in dom: String) -> String? {
        guard let start = dom.range(of: "<ol id=\"search-results\""),
              let end = dom.range(of: "</ol>", range: start.upperBound..<dom.endIndex) else { return nil }
        return String(dom[start.lowerBound..<end.upperBound])
    }

    /// The page's DOM after its scripts ran, serialised by the browser.
    static func dom(of file: URL, query: String? = nil) async throws -> String {
        guard let path else { throw Failed(result: CommandResult(status: -1, stdout: "", stderr: "no chromium")) }
        let profile = try Scratch.directory("chromium")
        defer { Scratch.remove(profile) }
        var url = URL(fileURLWithPath: file.path).absoluteString
        if let query { url += "?" + query }
        let result = try await CommandRunner.run(URL(fileURLWithPath: path), [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=" + profile.path, "--virtual-time-budget=3000", "--dump-dom", url,
        ], timeout: 120)
        guard result.status == 0, result.stdout.contains("<html") else { throw Failed(result: result) }
        return result.stdout
    }
}
