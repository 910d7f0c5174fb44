import PorticoModel

/// Filters one collection to what an audience may see and projects it: folders and
/// requests in collection order, slugs unique within the collection, the download
/// built from the filtered tree only.
struct CollectionProjection {
    let rules: VisibilityRules
    let audience: Audience
    let environment: PostmanEnvironment?
    let partnerValues: [(key: String, value: String)]
    let cache: ProjectionCache
    /// This audience's remembered request projections.
    let requests: RequestMemo
    /// The collection's file, to tell apart requests of collections sharing a name.
    var file: String = ""

    func project(_ collection: PostmanCollection, slug: String) -> SiteCollection? {
        let path = ["collections", collection.name]
        guard VisibilityRules.isVisible(rules.reach(of: path), to: audience) else { return nil }
        let scope = VariableScope(collection: collection.variables, environment: environment, partnerValues: partnerValues)
        // The filtered source tree feeds both the pages and the download, so they agree.
        var hidden: [String] = []
        let filtered = filter(collection.items, path: path, hidden: &hidden)
        var slugger = Slugger()
        let levels = [AuthProjection.Level(auth: collection.auth, ownerName: collection.name)]
        var projection = self
        projection.file = collection.location.path
        let items = projection.project(filtered, path: path, scope: scope, authLevels: levels, slugger: &slugger)
        var downloadable = collection
        // A key the environment marks secret shows as {{name}} on the pages; the
        // download must not carry a collection or folder value for it either.
        downloadable.items = Self.markingSecret(filtered, scope.secretKeys)
        downloadable.variables = Self.markingSecret(collection.variables, scope.secretKeys)
        let key = ProjectionCache.Key(path: collection.location.path, digest: collection.sourceDigest,
                                      hidden: hidden + scope.secretKeys.sorted().map { "secret:" + $0 })
        let download = collection.sourceDigest == 0
            ? (json: PostmanWriter.collectionJSON(downloadable), id: 0)
            : cache.download(key) { PostmanWriter.collectionJSON(downloadable) }
        let resolver = scope.resolver
        var site = SiteCollection(
            slug: slug,
            name: collection.name,
            description: collection.description.flatMap { $0.isEmpty ? nil : $0 },
            items: items,
            auth: AuthProjection(resolve: { resolver.resolve($0) }).site(collection.auth ?? PostmanAuth(type: "noauth")),
            download: download.json,
            selector: SelectorPath.string(path))
        site.downloadID = download.id
        return site
    }

    private static func markingSecret(_ variables: [PostmanVariable], _ keys: Set<String>) -> [PostmanVariable] {
        variables.map { variable in
            guard keys.contains(variable.key) else { return variable }
            var secret = variable
            secret.type = "secret"
            return secret
        }
    }

    private static func markingSecret(_ items: [PostmanItem], _ keys: Set<String>) -> [PostmanItem] {
        guard !keys.isEmpty else { return items }
        return items.map { item in
            guard case .folder(var folder) = item else { return item }
            folder.variables = markingSecret(folder.variables, keys)
            folder.items = markingSecret(folder.items, keys)
            return .folder(folder)
        }
    }

    /// The visible items; `hidden` collects the paths of those left out.
    private func filter(_ items: [PostmanItem], path: [String], hidden: inout [String]) -> [PostmanItem] {
        items.compactMap { item in
            let itemPath = path + [item.name]
            guard VisibilityRules.isVisible(rules.reach(of: itemPath), to: audience) else {
                hidden.append(SelectorPath.string(itemPath))
                return nil
            }
            guard case .folder(var folder) = item else { return item }
            folder.items = filter(folder.items, path: itemPath, hidden: &hidden)
            return .folder(folder)
        }
    }

    private func project(_ items: [PostmanItem], path: [String], scope: VariableScope,
                         authLevels: [AuthProjection.Level], slugger: inout Slugger) -> [SiteItem] {
        items.map { item in
            let itemPath = path + [item.name]
            let slug = slugger.slug(for: item.name)
            switch item {
            case .request(let request):
                let selector = SelectorPath.string(itemPath)
                return .request(requests.site(for: request, file: file, slug: slug, selector: selector,
                                              authLevels: authLevels, values: scope.values) {
                    RequestProjection(scope: scope).project(request, slug: slug, selector: selector, authLevels: authLevels)
                })
            case .folder(let folder):
                let inner = scope.entering(folderVariables: folder.variables)
                let resolver = inner.resolver
                let levels = [AuthProjection.Level(auth: folder.auth, ownerName: folder.name)] + authLevels
                return .folder(SiteFolder(
                    slug: slug,
                    name: folder.name,
                    description: folder.description.flatMap { $0.isEmpty ? nil : $0 },
                    items: project(folder.items, path: itemPath, scope: inner, authLevels: levels, slugger: &slugger),
                    auth: AuthProjection(resolve: { resolver.resolve($0) }).effective(levels),
                    selector: SelectorPath.string(itemPath)))
            }
        }
    }
}

/// The canonical selector text of a path of names: names escaped, joined by `/`.
enum SelectorPath {
    static func string(_ path: [String]) -> String {
        path.map(Selector.escape).joined(separator: "/")
    }
}
