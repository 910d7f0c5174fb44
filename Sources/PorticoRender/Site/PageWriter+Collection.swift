import PorticoModel

/// Collection, folder and request pages. Every folder and request has its own page,
/// so page size stays bounded however large the collection; the full tree appears
/// once, on the collection page.
extension PageWriter {
    /// One page of the collection with where it sits in the tree.
    struct Entry {
        var item: SiteItem
        var trail: [SiteFolder]
    }

    mutating func writeCollectionPage(_ c: SiteCollection) {
        let path = SitePaths.collection(c)
        let context: [String: MustacheValue] = [
            "name": .string(c.name),
            "description": .nonEmpty(markup.html(c.description)),
            "auth": authContext(c.auth),
            "tree": .list(c.items.map { treeNode($0, from: path, in: c) }),
            "isEmpty": .bool(c.items.isEmpty),
            "requestCount": .string(CollectionStats.requestCountText(c.items)),
            "download": href(path, SitePaths.collectionDownload(c)),
            "environment": site.environment.map { e in
                .object(["name": .string(e.name), "href": href(path, environmentPath(e))])
            } ?? .null,
            "badge": badge(c.selector),
            "comments": comments(c.selector),
        ]
        page(path, template: "collection", title: c.name, context: context, section: "c/" + c.slug)
    }

    mutating func writeCollection(_ c: SiteCollection) {
        let key = CollectionPageKey(collection: c, environment: site.environment.map(environmentPath))
        memoized(SitePaths.collection(c), key: key) { $0.writeCollectionPage(c) }
        let entries = flatten(c.items, trail: [])
        for (index, entry) in entries.enumerated() {
            let previous = index > 0 ? entries[index - 1].item : nil
            let next = index + 1 < entries.count ? entries[index + 1].item : nil
            let collectionKey = [c.slug, c.name]
            let trail = entry.trail.flatMap { [$0.name, $0.slug] }
            let neighbours = [previous, next].flatMap { item in item.map { [$0.name, $0.slug] } ?? ["-"] }
            switch entry.item {
            case .folder(let folder):
                let key = FolderPageKey(folder: folder, collection: collectionKey, trail: trail, neighbours: neighbours)
                memoized(SitePaths.item(folder.slug, in: c), key: key) {
                    $0.writeFolder(folder, entry: entry, in: c, previous: previous, next: next)
                }
            case .request(let request):
                let key = RequestPageKey(request: request, collection: collectionKey, trail: trail,
                                         neighbours: neighbours, environment: site.environment.map(environmentPath))
                memoized(SitePaths.item(request.slug, in: c), key: key) {
                    $0.writeRequest(request, entry: entry, in: c, previous: previous, next: next)
                }
            }
        }
    }

    func flatten(_ items: [SiteItem], trail: [SiteFolder]) -> [Entry] {
        items.flatMap { item -> [Entry] in
            guard case .folder(let folder) = item else { return [Entry(item: item, trail: trail)] }
            return [Entry(item: item, trail: trail)] + flatten(folder.items, trail: trail + [folder])
        }
    }

    func treeNode(_ item: SiteItem, from path: String, in c: SiteCollection) -> MustacheValue {
        switch item {
        case .folder(let f):
            return .object([
                "name": .string(f.name), "href": href(path, SitePaths.item(f.slug, in: c)),
                "isFolder": .bool(true), "items": .list(f.items.map { treeNode($0, from: path, in: c) }),
                "isEmpty": .bool(f.items.isEmpty), "method": .null, "badge": badge(f.selector),
            ])
        case .request(let r):
            return .object([
                "name": .string(r.name), "href": href(path, SitePaths.item(r.slug, in: c)),
                "isFolder": .bool(false), "items": .list([]), "isEmpty": .bool(false),
                "method": .string(r.method), "methodClass": .string(r.method.lowercased()), "badge": badge(r.selector),
            ])
        }
    }

    func breadcrumb(_ trail: [SiteFolder], from path: String, in c: SiteCollection) -> MustacheValue {
        .list([.object(["name": .string(c.name), "href": href(path, SitePaths.collection(c))])]
            + trail.map { f in .object(["name": .string(f.name), "href": href(path, SitePaths.item(f.slug, in: c))]) })
    }

    func neighbour(_ item: SiteItem?, from path: String, in c: SiteCollection) -> MustacheValue {
        guard let item else { return .null }
        return .object(["name": .string(item.name), "href": href(path, SitePaths.item(item.slug, in: c))])
    }

    mutating func writeFolder(_ f: SiteFolder, entry: Entry, in c: SiteCollection, previous: SiteItem?, next: SiteItem?) {
        let path = SitePaths.item(f.slug, in: c)
        let context: [String: MustacheValue] = [
            "name": .string(f.name),
            "collectionName": .string(c.name),
            "breadcrumb": breadcrumb(entry.trail, from: path, in: c),
            "description": .nonEmpty(markup.html(f.description)),
            "auth": authContext(f.auth),
            "children": .list(f.items.map { treeNode($0, from: path, in: c) }),
            "isEmpty": .bool(f.items.isEmpty),
            "previous": neighbour(previous, from: path, in: c),
            "next": neighbour(next, from: path, in: c),
            "badge": badge(f.selector),
            "comments": comments(f.selector),
        ]
        page(path, template: "folder", title: f.name, context: context, section: "c/" + c.slug)
    }

    func authContext(_ auth: SiteAuth?) -> MustacheValue {
        guard let auth else { return .null }
        return .object([
            "label": .string(AuthLabels.label(auth.type)),
            "type": .string(auth.type),
            "inheritedFrom": .str(auth.inheritedFrom),
            "parameters": .list(auth.parameters.filter { !($0.value ?? "").isEmpty }.map { p in
                .object(["key": .string(p.key), "value": .string(p.value ?? "")])
            }),
        ])
    }
}
