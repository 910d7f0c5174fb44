import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which workspace-relative paths the watcher neither watches nor reports.
///
/// Hidden names (`.git/`, `.portico/`, `.page.md.swp`), backup names (`page.md~`) and
/// editors' temporary files (`page.md.tmp`, `4913`, `#page.md#`) are editor and tool
/// noise; the output folder is excluded because publishing writes into it, and a
/// watcher that saw its own output would rebuild forever.
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
        for component in relativePath.split(separator: "/") where Self.isEditorNoise(component) {
            return true
        }
        return ignoredFolders.contains { relativePath == $0 || relativePath.hasPrefix($0 + "/") }
    }

    /// Names editors write beside the file being saved and remove again. Each would
    /// otherwise show in `changed:` and start a rebuild that changes nothing; the save
    /// itself arrives as the real name (written in place or renamed over).
    static func isEditorNoise(_ name: Substring) -> Bool {
        // Hidden (`.#page.md` Emacs lock, `.page.md.swp` Vim swap, `.git/`) and backups (`page.md~`).
        if name.hasPrefix(".") || name.hasSuffix("~") { return true }
        // Emacs auto-save `#page.md#`.
        if name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#") { return true }
        // Vim checks it may write in a folder by creating `4913` (then 5036, 5159, ...).
        if let number = Int(name), number >= 4913, (number - 4913) % 123 == 0 { return true }
        // `sed -i` writes `sedXXXXXX` beside the file, then renames it over.
        // (mkstemp's six letters and digits; a word like `sediments` has no capital or digit).
        let suffix = name.dropFirst(3)
        if name.count == 9, name.hasPrefix("sed"), suffix.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
           suffix.contains(where: { $0.isUppercase || $0.isNumber }) {
            return true
        }
        let lowered = name.lowercased()
        // Vim swap files kept outside the folder's hidden names, temp files of
        // "write then rename" savers, JetBrains safe-write copies.
        return [".swp", ".swo", ".swx", ".tmp", "___jb_tmp___", "___jb_old___"].contains { lowered.hasSuffix($0) }
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
