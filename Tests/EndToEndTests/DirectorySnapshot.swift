import Foundation

/// Every file under a folder (hidden ones too) by relative path, with its bytes: two
/// snapshots are equal exactly when the trees are byte-for-byte identical.
struct DirectorySnapshot: Equatable, Sendable {
    let files: [String: Data]

    /// Reads the folder; an absent folder gives an empty snapshot.
    init(_ root: URL) throws {
        var files: [String: Data] = [:]
        for path in DirectorySnapshot.relativePaths(under: root) {
            files[path] = try Data(contentsOf: root.appendingPathComponent(path))
        }
        self.files = files
    }

    /// The paths that were added, removed or changed between `self` and `other`, sorted.
    func differences(from other: DirectorySnapshot) -> [String] {
        Set(files.keys).union(other.files.keys).filter { files[$0] != other.files[$0] }.sorted()
    }

    /// Relative paths of the regular files under `root`, sorted, hidden files included.
    static func relativePaths(under root: URL) -> [String] {
        let base = root.standardizedFileURL.resolvingSymlinksInPath().path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [] }
        var paths: [String] = []
        while let path = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                paths.append(path)
            }
        }
        return paths.sorted()
    }
}
