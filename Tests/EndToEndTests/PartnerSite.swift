import Foundation

/// One partner's built site (`out/<slug>/`), read once: its files, its HTML pages and their
/// visible text, for assertions on what a partner really gets.
struct PartnerSite: Sendable {
    let root: URL
    /// Every file, relative to `root`, sorted.
    let files: [String]
    /// Raw HTML of every page, by relative path.
    let html: [String: String]
    /// Visible text of every page (see `HTMLText`), by relative path.
    let text: [String: String]

    /// Reads the site; with `readingPages` false only the file list (for download checks).
    init(root: URL, readingPages: Bool = true) throws {
        self.root = root
        files = DirectorySnapshot.relativePaths(under: root)
        var html: [String: String] = [:], text: [String: String] = [:]
        for path in files where readingPages && path.hasSuffix(".html") {
            let page = String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
            html[path] = page
            text[path] = HTMLText.visible(page)
        }
        self.html = html
        self.text = text
    }

    /// Paths of the HTML pages, sorted.
    var pages: [String] { html.keys.sorted() }

    func data(_ path: String) throws -> Data { try Data(contentsOf: root.appendingPathComponent(path)) }

    /// True when the visible text of some page contains `needle` (whitespace collapsed like the text).
    func showsText(_ needle: String) -> Bool {
        let needle = HTMLText.collapse(needle)
        return text.values.contains { $0.contains(needle) }
    }

    /// Pages whose visible text contains `needle`.
    func pagesShowing(_ needle: String) -> [String] {
        let needle = HTMLText.collapse(needle)
        return pages.filter { text[$0]!.contains(needle) }
    }

    /// Request pages: `c/<collection>/<item>.html` holding the endpoint line of templates/request.mustache.
    var requestPages: [String] {
        pages.filter { path in
            let parts = path.split(separator: "/")
            return parts.count == 3 && parts[0] == "c" && parts[2] != "index.html"
                && html[path]!.contains("<p class=\"endpoint\">")
        }
    }

    /// Collection overview pages: `c/<collection>/index.html`.
    var collectionPages: [String] {
        pages.filter { $0.hasPrefix("c/") && $0.hasSuffix("/index.html") && $0.split(separator: "/").count == 3 }
    }

    /// Downloaded Postman collections (`downloads/*.json` with `info` and `item`), parsed.
    func downloadedCollections() throws -> [String: Any] {
        var collections: [String: Any] = [:]
        for path in files where path.hasPrefix("downloads/") && path.hasSuffix(".json") {
            let json = try PostmanJSON.parse(data(path))
            if let object = json as? [String: Any], object["info"] != nil, object["item"] is [Any] {
                collections[path] = object
            }
        }
        return collections
    }

    /// Requests in all downloaded collections, counted independently of Portico.
    func downloadedRequestCount() throws -> Int {
        try downloadedCollections().values.map(PostmanJSON.requestCount).reduce(0, +)
    }

    /// Downloaded environments (`downloads/*.json` with `values`), parsed.
    func downloadedEnvironments() throws -> [String: [String: Any]] {
        var environments: [String: [String: Any]] = [:]
        for path in files where path.hasPrefix("downloads/") && path.hasSuffix(".json") {
            if let object = try PostmanJSON.parse(data(path)) as? [String: Any], object["values"] is [Any] {
                environments[path] = object
            }
        }
        return environments
    }
}

extension PartnerSite {
    /// One `<a>` of a page: its raw `href` and its visible text.
    struct Link: Sendable {
        var href: String
        var text: String
    }

    /// Every `<a href>` of a page, in document order.
    func links(on page: String) -> [Link] {
        guard let source = html[page] else { return [] }
        return source.matches(of: /<a\s([^>]*)>(.*?)<\/a>/.dotMatchesNewlines()).compactMap { match in
            guard let href = String(match.1).firstMatch(of: /(?:^|\s)href="([^"]*)"/) else { return nil }
            return Link(href: HTMLText.decodeEntities(String(href.1)), text: HTMLText.visible(String(match.2)))
        }
    }

    /// The page the first link on `page` whose text is exactly `name` leads to, if it stays in the site.
    func target(ofLink name: String, on page: String) -> String? {
        links(on: page).first { $0.text == name }.flatMap { resolve($0.href, from: page)?.path }
    }

    /// A relative `href`/`src` resolved against `page`: the site-relative path it names (a folder
    /// meaning its index.html) and its fragment; nil for absolute URLs and root-relative paths.
    func resolve(_ reference: String, from page: String) -> (path: String, fragment: String?)? {
        if reference.isEmpty || reference.hasPrefix("/") || reference.contains(/^[A-Za-z][A-Za-z0-9+.-]*:/) {
            return nil
        }
        var rest = Substring(reference), fragment: String?
        if let hash = rest.firstIndex(of: "#") {
            fragment = String(rest[rest.index(after: hash)...]).removingPercentEncoding
            rest = rest[..<hash]
        }
        if let question = rest.firstIndex(of: "?") { rest = rest[..<question] }
        if rest.isEmpty { return (page, fragment) }
        guard let decoded = String(rest).removingPercentEncoding else { return ("<bad %-escape: \(rest)>", fragment) }
        var segments = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().map(String.init)
        for segment in decoded.split(separator: "/", omittingEmptySubsequences: false) {
            switch segment {
            case ".", "": continue
            case "..": if segments.popLast() == nil { return ("<outside the site: \(reference)>", fragment) }
            default: segments.append(String(segment))
            }
        }
        var path = segments.joined(separator: "/")
        if decoded.hasSuffix("/") || !files.contains(path) && files.contains(path + "/index.html") {
            path += path.isEmpty ? "index.html" : "/index.html"
        }
        return (path, fragment)
    }

    /// Every relative `href`/`src` of every page that does not lead to a file of this site,
    /// or whose `#fragment` names no `id` in its target page, as `page: reference`.
    func brokenReferences() -> [String] {
        let existing = Set(files)
        var broken: [String] = []
        for page in pages {
            for match in html[page]!.matches(of: /\s(?:href|src)\s*=\s*"([^"]*)"/) {
                let reference = HTMLText.decodeEntities(String(match.1))
                guard let (path, fragment) = resolve(reference, from: page) else { continue }
                if !existing.contains(path) {
                    broken.append("\(page): \(reference)")
                } else if let fragment, !fragment.isEmpty, let target = html[path],
                          !target.contains("id=\"\(fragment)\""), !target.contains("name=\"\(fragment)\"") {
                    broken.append("\(page): \(reference) (no id \(fragment))")
                }
            }
        }
        return broken
    }

    /// `id` values used twice on one page (or empty), as `page: id`.
    func duplicateIDs() -> [String] {
        pages.flatMap { page -> [String] in
            var seen: [String: Int] = [:]
            for match in html[page]!.matches(of: /\sid="([^"]*)"/) { seen[String(match.1), default: 0] += 1 }
            return seen.filter { $0.value > 1 || $0.key.isEmpty }.keys.sorted().map { "\(page): id=\"\($0)\"" }
        }
    }
}

extension PartnerSite {
    /// The page whose `<h1>` reads exactly `title` (a request, folder or collection page).
    func page(titled title: String) -> String? {
        pages.first { page in
            html[page]!.firstMatch(of: /<h1>(.*?)<\/h1>/.dotMatchesNewlines()).map {
                HTMLText.visible(String($0.1)) == title
            } ?? false
        }
    }

    /// The URL a request page shows on its endpoint line, as a reader sees it.
    func endpointURL(on page: String) -> String? {
        html[page]?.firstMatch(of: /<p class="endpoint">.*?<code class="url">(.*?)<\/code>/.dotMatchesNewlines())
            .map { HTMLText.visible(String($0.1)) }
    }

    /// The method a request page shows on its endpoint line.
    func endpointMethod(on page: String) -> String? {
        html[page]?.firstMatch(of: /<p class="endpoint"><span class="method[^"]*">(.*?)<\/span>/)
            .map { HTMLText.visible(String($0.1)) }
    }

    /// The raw HTML of every element `<tag …>…</tag>` on every page (no nesting of the same tag).
    func elements(_ tag: String) -> [String] {
        let pattern = try! Regex("(?s)<\(tag)\\b[^>]*>.*?</\(tag)>")
        return pages.flatMap { page in html[page]!.matches(of: pattern).map { String(html[page]![$0.range]) } }
    }
}

extension PartnerSite {
    /// One code block of a page outside its code samples: the `language-…` class of its
    /// `<code>` and its text exactly as a browser shows it (entities decoded, whitespace kept).
    struct CodeBlock: Sendable {
        var language: String?
        var text: String
    }

    /// The `<pre>` blocks of a page, leaving out the code samples section (cURL and friends).
    func codeBlocks(on page: String) -> [CodeBlock] {
        guard let source = html[page] else { return [] }
        let withoutSamples = source.replacing(/<section class="block samples">.*?<\/section>/.dotMatchesNewlines(),
                                              with: "")
        return withoutSamples.matches(of: /<pre\b[^>]*>(.*?)<\/pre>/.dotMatchesNewlines()).map { match in
            let inner = String(match.1)
            let language = inner.firstMatch(of: /<code class="language-([^"]*)"/).map { String($0.1) }
            let text = HTMLText.decodeEntities(inner.replacing(/<[^>]*>/, with: ""))
            return CodeBlock(language: language, text: text)
        }
    }
}
