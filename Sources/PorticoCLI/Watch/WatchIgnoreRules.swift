import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which workspace-relative paths the watcher neither watches nor reports.
///
/// Hidden names (`.git/`, `.portico/`, `.page.md.swp`) and backup names (`page.md~`)
/// are editor and tool noise; the output folder is excluded because publishing writes
/// into it, and a watcher that saw its own output would rebuild forever.
struct WatchIgnoreRules: Sendable {
    /// Workspace-relative folders to skip entirely (from the absolute ignore list).
    let ignoredFolders: [String]
    /// An ignored folder was the workspace itself; nothing is reported.
    let ignoresEverything: Bool

    /// - Parameters:
    ///   - root: canonical absolute path of the workspace.
    ///   - ignoredDirectories: absolute folders; those outside the workspace are irrelevant.
    init(root: String, ignoredDirectories: [URL]) {
        var folders: [String] = []
        var everything = false
        for directory in ignoredDirectories {
            let path = Self.canonicalize(directory.path)
            if path == root {
                everything = true
            } else if path.hasPrefix(root + "/") {
                folders.append(String(path.dropFirst(root.count + 1)))
            }
        }
        self.ignoredFolders = folders
        self.ignoresEverything = everything
    }

    func ignores(_ relativePath: String) -> Bool {
        if ignoresEverything { return true }
        for component in relativePath.split(separator: "/") {
            if component.hasPrefix(".") || component.hasSuffix("~") { return true }
        }
        return ignoredFolders.contains { relativePath == $0 || relativePath.hasPrefix($0 + "/") }
    }

    /// `realpath` of the deepest existing ancestor plus the rest, so an output folder
    /// that does not exist yet still matches the canonical workspace path
    /// (e.g. through a symlinked `/tmp`).
    static func canonicalize(_ path: String) -> String {
        let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
        var head = standardized
        var tail: [String] = []
        while !head.isEmpty && head != "/" {
            if let pointer = realpath(head, nil) {
                defer { free(pointer) }
                let resolved = String(cString: pointer)
                return ([resolved == "/" ? "" : resolved] + tail.reversed()).joined(separator: "/")
            }
            let url = URL(fileURLWithPath: head)
            tail.append(url.lastPathComponent)
            head = url.deletingLastPathComponent().path
            if head.hasSuffix("/") && head != "/" { head.removeLast() }
        }
        return standardized
    }
}
