import Foundation
import PorticoModel
import PorticoWorkspace

/// Remembers the last source tree and the workspace read from it. In watch mode a
/// rebuild with an unchanged tree reuses the workspace as it was.
final class ParseCache: @unchecked Sendable {
    private var lastTree: SourceTree?
    private var lastWorkspace: Workspace?
    private let files = LoadCache()

    func load(_ tree: SourceTree) throws -> Workspace {
        if let lastTree, let lastWorkspace, lastTree == tree { return lastWorkspace }
        let workspace = try WorkspaceLoader.load(tree, cache: files)
        lastTree = tree
        lastWorkspace = workspace
        return workspace
    }
}
