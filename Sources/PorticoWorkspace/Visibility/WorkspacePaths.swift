/// Every path of names a selector can name in a workspace: each collection, folder
/// and request, each environment and each docs page.
enum WorkspacePaths {
    static func all(_ workspace: Workspace) -> [[String]] {
        var paths: [[String]] = []
        for collection in workspace.collections {
            let root = ["collections", collection.name]
            paths.append(root)
            collect(collection.items, under: root, into: &paths)
        }
        for env in workspace.environments { paths.append(["environments", env.name]) }
        for page in workspace.docs {
            paths.append(["docs"] + page.slug.split(separator: "/").map(String.init))
        }
        return paths
    }

    private static func collect(_ items: [PostmanItem], under path: [String], into paths: inout [[String]]) {
        for item in items {
            let itemPath = path + [item.name]
            paths.append(itemPath)
            if case .folder(let folder) = item { collect(folder.items, under: itemPath, into: &paths) }
        }
    }
}
