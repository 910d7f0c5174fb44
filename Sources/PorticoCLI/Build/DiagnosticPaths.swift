import Foundation
import PorticoModel

/// Diagnostics carry paths relative to the workspace; printed, they should open
/// from where the command ran (`Examples/acme/portico.yaml:58:7`), so editors and
/// terminals can jump to them.
enum DiagnosticPaths {
    static func prefix(for workspace: URL) -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let ws = workspace.standardizedFileURL.path
        if ws == cwd { return "" }
        if ws.hasPrefix(cwd + "/") { return String(ws.dropFirst(cwd.count + 1)) + "/" }
        return ws + "/"
    }

    /// One diagnostic with its path as seen from where the command ran.
    static func relocate(_ d: Diagnostic, workspace: URL) -> Diagnostic {
        let prefix = prefix(for: workspace)
        var d = d
        if !prefix.isEmpty, let location = d.location, !location.path.hasPrefix("/") {
            d.location?.path = prefix + location.path
        }
        return d
    }

    static func relocate(_ error: Error, workspace: URL) -> Error {
        func move(_ d: Diagnostic) -> Diagnostic { relocate(d, workspace: workspace) }
        switch error {
        case let list as DiagnosticList: return DiagnosticList(list.diagnostics.map(move))
        case let d as Diagnostic: return move(d)
        default: return error
        }
    }
}
