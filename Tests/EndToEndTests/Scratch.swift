import Foundation

/// Temporary folders for workspaces and built sites. All of them live under one folder per
/// test process, removed when the process exits (kept when `PORTICO_E2E_KEEP=1`, for a look
/// at what a failing test built).
enum Scratch {
    /// The per-process root, e.g. `/tmp/portico-e2e-12345/`.
    static let root: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("portico-e2e-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        if ProcessInfo.processInfo.environment["PORTICO_E2E_KEEP"] != "1" {
            atexit { try? FileManager.default.removeItem(at: Scratch.root) }
        }
        return url
    }()

    /// A new empty folder whose name starts with `label`.
    static func directory(_ label: String) throws -> URL {
        let url = root.appendingPathComponent("\(label)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Removes a folder made by `directory(_:)` unless `PORTICO_E2E_KEEP=1`.
    static func remove(_ url: URL) {
        guard ProcessInfo.processInfo.environment["PORTICO_E2E_KEEP"] != "1" else { return }
        try? FileManager.default.removeItem(at: url)
    }
}
