/// What changed in the workspace since the last rebuild, as reported by `FileWatcher`.
///
/// Paths are workspace-relative and `/`-separated. A path may name a file that no
/// longer exists (deleted or renamed away), or a folder (created, deleted or moved as
/// a whole), in which case everything under it should be treated as changed.
public struct ChangeSet: Sendable, Hashable {
    public var paths: Set<String>
    /// The watcher lost track (kernel event queue overflowed, or the workspace folder
    /// itself was removed or moved): rescan everything rather than trusting `paths`.
    public var fullRescan: Bool

    public init(paths: Set<String> = [], fullRescan: Bool = false) {
        self.paths = paths
        self.fullRescan = fullRescan
    }

    public var isEmpty: Bool {
        paths.isEmpty && !fullRescan
    }

    /// Folds in changes that arrived while a build was running, so they go into the next one.
    public mutating func formUnion(_ other: ChangeSet) {
        paths.formUnion(other.paths)
        fullRescan = fullRescan || other.fullRescan
    }
}
