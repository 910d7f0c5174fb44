import Foundation
import PorticoModel

/// Writes every file of one site. Holds the per-site state pages share: the
/// navigation, docs paths and the growing list of files.
struct PageWriter {
    let site: PartnerSite
    let theme: Theme
    let markup: MarkupCache
    var files: [OutputFile] = []
    let docPaths: [String: String]
    /// The same paths, as docs links in authored text may reach them.
    let docTargets: DocTargets
    /// Download paths of the environments, in the order the environments page lists them.
    let environmentFiles: [(environment: SiteEnvironment, path: String)]

    /// The previous render's pages (watch mode) and this render's, being filled.
    let previous: RenderMemo?
    let memo: RenderMemo
    let chromeUnchanged: Bool

    init(site: PartnerSite, theme: Theme, markup: MarkupCache, previous: RenderMemo?, memo: RenderMemo) {
        self.site = site
        self.theme = theme
        self.markup = markup
        self.previous = previous
        self.memo = memo
        var used = Set<String>()
        var paths: [String: String] = [:]
        for doc in site.docs {
            var path = SitePaths.doc(doc)
            var n = 2
            while used.contains(path.lowercased()) {
                path = String(SitePaths.doc(doc).dropLast(".html".count)) + "-\(n).html"
                n += 1
            }
            used.insert(path.lowercased())
            paths[doc.slug] = path
        }
        docPaths = paths
        docTargets = DocTargets(paths)
        var files: [(SiteEnvironment, String)] = []
        var taken = Set<String>()
        for env in (site.environment.map { [$0] } ?? []) + site.otherEnvironments {
            var path = SitePaths.environmentDownload(env)
            var n = 2
            while !taken.insert(path.lowercased()).inserted {
                path = String(SitePaths.environmentDownload(env).dropLast(".postman_environment.json".count))
                    + "-\(n).postman_environment.json"
                n += 1
            }
            files.append((env, path))
        }
        environmentFiles = files
        let chrome = ChromeKey(
            workspaceName: site.workspaceName, audience: site.audience?.name,
            collections: site.collections.flatMap { [$0.name, $0.slug] },
            docs: site.docs.flatMap { [$0.title, $0.slug] },
            environments: files.map(\.1), preview: site.preview)
        memo.chrome = AnyHashable(chrome)
        chromeUnchanged = previous?.chrome == AnyHashable(chrome)
    }

    /// Writes the files `make` produces, or reuses the previous render's files for
    /// the same path when `key` (and the chrome) are unchanged.
    mutating func memoized(_ path: String, key: AnyHashable, _ make: (inout PageWriter) -> Void) {
        if chromeUnchanged, let entry = previous?.entries[path], entry.key == key {
            files += entry.files
            memo.entries[path] = entry
            memo.reusedPaths.formUnion(entry.files.map(\.path))
            return
        }
        let start = files.count
        make(&self)
        memo.entries[path] = RenderMemo.Entry(key: key, files: Array(files[start...]))
    }

    mutating func writeAll() {
        writeOverview()
        writeTeam()
        for collection in site.collections { writeCollection(collection) }
        for doc in site.docs { writeDoc(doc) }
        writeEnvironments()
        writeSearch()
        writeNotFound()
        writeDownloads()
        files += theme.assets
        files += site.assets
        if site.preview != nil {
            files.append(OutputFile(path: SitePaths.previewMarker,
                                    text: "Portico team preview: internal content and comments. Never publish this folder.\n"))
        }
        // The team preview is never published, so it gets no sitemap.
        if site.preview == nil, let sitemap = SitemapWriter.sitemap(site: site, pages: files.map(\.path).filter { $0.hasSuffix(".html") && $0 != SitePaths.notFound }) {
            files.append(OutputFile(path: "sitemap.xml", text: sitemap))
        }
    }

    // MARK: - Layout

    /// - Parameter base: a `<base href>` for the page, for the one page (404) that is
    ///   served at other URLs than its own.
    mutating func page(_ path: String, template: String, title: String, context: [String: MustacheValue], section: String,
                       base: String? = nil) {
        var ctx = context
        let root = SitePaths.root(from: path)
        ctx["root"] = .string(root)
        ctx["preview"] = .bool(site.preview != nil)
        let content = theme.render(template, .object(ctx))
        let layout: [String: MustacheValue] = [
            "root": .string(root),
            "title": .string(title),
            "siteName": .string(site.workspaceName),
            // The overview's own title is the workspace name: said once, not twice.
            "pageTitle": .string(title == site.workspaceName ? title : title + " · " + site.workspaceName),
            "audienceName": .str(site.audience?.name),
            "preview": .bool(site.preview != nil),
            "content": .string(content),
            "nav": navigation(from: path, section: section),
            "generator": .string("Portico"),
            "base": .str(base),
        ]
        files.append(OutputFile(path: path, text: theme.render("layout", .object(layout))))
    }

    func href(_ from: String, _ to: String) -> MustacheValue { .string(SitePaths.href(from: from, to: to)) }

    func navigation(from path: String, section: String) -> MustacheValue {
        .object([
            "overview": href(path, SitePaths.overview),
            "team": href(path, SitePaths.team),
            "search": href(path, SitePaths.search),
            "isOverview": .bool(section == "overview"),
            "isTeam": .bool(section == "team"),
            "isSearch": .bool(section == "search"),
            "isEnvironments": .bool(section == "environments"),
            "environments": environmentFiles.isEmpty ? .null : href(path, SitePaths.environments),
            "collections": .list(site.collections.map { c in
                .object(["name": .string(c.name), "href": href(path, SitePaths.collection(c)),
                         "current": .bool(section == "c/" + c.slug)])
            }),
            "docs": .list(site.docs.map { d in
                .object(["title": .string(d.title), "href": href(path, docPaths[d.slug] ?? SitePaths.doc(d)),
                         "current": .bool(section == "docs/" + d.slug)])
            }),
            "hasDocs": .bool(!site.docs.isEmpty),
            "hasCollections": .bool(!site.collections.isEmpty),
        ])
    }

    func badge(_ selector: String) -> MustacheValue {
        .str(site.preview?.badges[selector])
    }

    func comments(_ selector: String) -> MustacheValue {
        guard let thread = site.preview?.comments[selector], !thread.isEmpty else { return .null }
        return .list(thread.map { c in .object(["author": .string(c.author), "at": .string(c.at), "text": .string(c.text)]) })
    }
}
