import Foundation
import PorticoModel
import PorticoWorkspace

/// Refuses output folders that would mix sites into the workspace: the workspace
/// itself, any folder Portico reads content from, or a folder that contains the
/// workspace (publishing would then delete or rewrite team files).
enum OutputLocation {
    static func check(output: URL, workspace: URL) -> Diagnostic? {
        let out = output.standardizedFileURL.resolvingSymlinksInPath().path
        let ws = workspace.standardizedFileURL.resolvingSymlinksInPath().path
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
}
