import Foundation
import PorticoModel
import PorticoWorkspace

/// Refuses output folders that would mix sites into the workspace: the workspace
/// itself, any folder Portico reads content from, or a folder that contains the
/// workspace (publishing would then delete or rewrite team files).
enum OutputLocation {
    static func check(output: URL, workspace: URL) -> Diagnostic? {
        let out = resolved(output)
        let ws = resolved(workspace)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: out, isDirectory: &isFolder), !isFolder.boolValue {
            return .error("the output \(output.path) is a file, not a folder; choose a folder with --out")
        }
        if out == ws {
            return .error("the output folder is the workspace itself; choose another with --out")
        }
        if ws.hasPrefix(out + "/") || out == "/" {
            return .error("the output folder \(output.path) contains the workspace; choose another with --out")
        }
        for folder in WorkspaceScanner.contentFolders where out == ws + "/" + folder || out.hasPrefix(ws + "/" + folder + "/") {
            return .error("the output folder \(output.path) is inside the workspace's \(folder)/ folder; choose another with --out")
        }
        return nil
    }

    /// The real path of a folder that may not exist yet. `resolvingSymlinksInPath`
    /// leaves a missing path as written, so `--out link/site`, with `link` a symbolic
    /// link to the workspace's collections/, slipped past the checks above and the
    /// sites landed among the team's files: resolve the deepest part that exists.
    static func resolved(_ url: URL) -> String {
        var existing = url.standardizedFileURL
        var missing: [String] = []
        while existing.path != "/", !FileManager.default.fileExists(atPath: existing.path) {
            missing.insert(existing.lastPathComponent, at: 0)
            existing = existing.deletingLastPathComponent()
        }
        return missing.reduce(existing.resolvingSymlinksInPath()) { $0.appendingPathComponent($1) }.path
    }
}
