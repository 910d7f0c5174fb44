import Foundation
import PorticoModel

/// The overview (`index.html`), team, docs, search and not-found pages.
extension PageWriter {
    mutating func writeOverview() {
        let path = SitePaths.overview
        let context: [String: MustacheValue] = [
            "siteName": .string(site.workspaceName),
            "audienceName": .str(site.audience?.name),
            "description": .nonEmpty(markup.html(site.workspaceDescription, relativeLinks: docLinks(folder: "", page: path))),
            "collections": .list(site.collections.map { c in
                .object(["name": .string(c.name), "href": href(path, SitePaths.collection(c)),
                         "requestCount": .string(CollectionStats.requestCountText(c.items)),
                         "badge": badge(c.selector)])
            }),
            "hasCollections": .bool(!site.collections.isEmpty),
            "docs": .list(site.docs.map { d in
                .object(["title": .string(d.title), "href": href(path, docPaths[d.slug] ?? SitePaths.doc(d)),
                         "badge": badge(d.selector)])
            }),
            "hasDocs": .bool(!site.docs.isEmpty),
            "environment": site.environment.map { e in
                .object(["name": .string(e.name), "href": href(path, environmentPath(e))])
            } ?? .null,
            "environments": environmentFiles.isEmpty ? .null : href(path, SitePaths.environments),
            "team": href(path, SitePaths.team),
        ]
        page(path, template: "overview", title: site.workspaceName, context: context, section: "overview")
    }

    mutating func writeTeam() {
        func person(_ p: SitePerson) -> MustacheValue {
            .object(["name": .string(p.name), "role": .string(p.role), "email": .nonEmpty(p.email)])
        }
        let context: [String: MustacheValue] = [
            "team": .list(site.team.map(person)),
            "partners": .list(site.partners.map { p in
                .object(["name": .string(p.name), "members": .list(p.members.map(person)),
                         "hasMembers": .bool(!p.members.isEmpty)])
            }),
            "hasPartners": .bool(!site.partners.isEmpty),
            "shared": .bool(site.audience == nil && site.preview == nil),
        ]
        page(SitePaths.team, template: "team", title: "Team", context: context, section: "team")
    }

    mutating func writeDoc(_ doc: SiteDoc) {
        let path = docPaths[doc.slug] ?? SitePaths.doc(doc)
        let context: [String: MustacheValue] = [
            "title": .string(doc.title),
            "body": .string(markup.html(RichText(doc.body), relativeLinks: docLinks(folder: DocLink.folder(ofDocSlug: doc.slug), page: path))),
            // A page whose Markdown opens with its own heading shows that; otherwise
            // the title (from front matter or the file name) heads the page.
            "hasHeading": .bool(Self.opensWithHeading(doc.body)),
            "badge": badge(doc.selector),
            "comments": comments(doc.selector),
        ]
        page(path, template: "doc", title: doc.title, context: context, section: "docs/" + doc.slug)
    }

    /// Docs links of a text written in workspace folder `folder`, shown on `page`.
    func docLinks(folder: String, page: String) -> RelativeLinks {
        .docs(DocLinks(folder: folder, page: page, targets: docTargets))
    }

    /// The download path of an environment.
    func environmentPath(_ env: SiteEnvironment) -> String {
        environmentFiles.first { $0.environment == env }?.path ?? SitePaths.environmentDownload(env)
    }

    mutating func writeEnvironments() {
        guard !environmentFiles.isEmpty else { return }
        let path = SitePaths.environments
        let context: [String: MustacheValue] = [
            "environments": .list(environmentFiles.map { env, file in
                .object([
                    "name": .string(env.name),
                    "href": href(path, file),
                    "isYours": .bool(env == site.environment && site.audience != nil),
                    "isDefault": .bool(env == site.environment && site.audience == nil),
                    "badge": badge(env.selector),
                    "values": .list(env.values.map { v in
                        .object(["key": .string(v.key), "value": .nonEmpty(v.value), "secret": .bool(v.isSecret)])
                    }),
                ])
            }),
        ]
        page(path, template: "environments", title: "Environments", context: context, section: "environments")
    }

    static func opensWithHeading(_ markdown: String) -> Bool {
        let first = markdown.split(whereSeparator: \.isNewline).first { !$0.allSatisfy(\.isWhitespace) }
        return first.map { $0.trimmingCharacters(in: .whitespaces).hasPrefix("# ") } ?? false
    }

    mutating func writeSearch() {
        let path = SitePaths.search
        let context: [String: MustacheValue] = ["index": href(path, SitePaths.searchIndex)]
        page(path, template: "search", title: "Search", context: context, section: "search")
        files.append(OutputFile(path: SitePaths.searchIndex,
                                text: SearchIndexWriter.script(site: site, docPaths: docPaths,
                                                               previous: previous, memo: memo)))
    }

    mutating func writeNotFound() {
        // Hosts serve this page for a missing URL at any depth, where its relative
        // links (stylesheet, navigation) would resolve against the wrong folder. With
        // base_url we know where the site lives, so a `<base>` pins them to its folder.
        // Without it we do not: a guessed `/` would break sites in a sub-folder and on
        // file://, so the page keeps plain relative links (right at the site root), and
        // `portico serve` adds the `<base>` for the folder it serves the site from.
        page(SitePaths.notFound, template: "not-found", title: "Page not found", context: [
            "overview": .string(SitePaths.overview),
        ], section: "", base: site.preview == nil ? SitePaths.siteURLPath(site) : nil)
    }

    mutating func writeDownloads() {
        for c in site.collections {
            // Serialising a large collection costs more than comparing it, so an
            // unchanged download is reused in watch mode.
            let key = c.downloadID != 0 ? AnyHashable(c.downloadID) : AnyHashable(c.download)
            memoized(SitePaths.collectionDownload(c), key: key) {
                let bytes = c.downloadID != 0
                    ? $0.markup.downloads.value(c.downloadID) { Data(JSONSerializer.serialize(c.download).utf8) }
                    : Data(JSONSerializer.serialize(c.download).utf8)
                $0.files.append(OutputFile(path: SitePaths.collectionDownload(c), bytes: bytes))
            }
        }
        for (env, path) in environmentFiles {
            files.append(OutputFile(path: path, text: JSONSerializer.serialize(EnvironmentJSON.json(env))))
        }
    }
}

/// Counting requests in a tree, for summaries.
enum CollectionStats {
    static func requestCount(_ items: [SiteItem]) -> Int {
        items.reduce(0) { n, item in
            switch item {
            case .request: n + 1
            case .folder(let f): n + requestCount(f.items)
            }
        }
    }

    static func requestCountText(_ items: [SiteItem]) -> String {
        let n = requestCount(items)
        return n == 1 ? "1 request" : "\(n) requests"
    }
}

/// A `SiteEnvironment` in Postman's environment export format.
enum EnvironmentJSON {
    static func json(_ env: SiteEnvironment) -> JSONValue {
        .object([
            ("name", .string(env.name)),
            ("values", .array(env.values.map { v in
                .object([
                    ("key", .string(v.key)),
                    ("value", .string(v.isSecret ? "" : v.value)),
                    ("type", .string(v.isSecret ? "secret" : "default")),
                    ("enabled", .bool(true)),
                ])
            })),
            ("_postman_variable_scope", .string("environment")),
        ])
    }
}
