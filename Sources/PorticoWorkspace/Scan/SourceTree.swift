import Foundation
import PorticoModel

/// The workspace directory read once: every relevant file by its `/`-separated
/// path relative to the workspace root. All later stages work on this value.
public struct SourceTree: Hashable, Sendable {
    public var files: [String: Data]

    public init(files: [String: Data]) {
        self.files = files
    }

    /// Files under a top-level folder with one of the given extensions, sorted by path.
    public func files(under folder: String, extension ext: String? = nil) -> [(path: String, bytes: Data)] {
        files.filter { path, _ in
            path.hasPrefix(folder + "/") && (ext.map { path.lowercased().hasSuffix("." + $0) } ?? true)
        }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
