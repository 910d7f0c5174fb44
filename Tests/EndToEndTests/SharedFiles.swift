import Foundation

/// The project's shared material next to the repository (`<repo>/../shared`: the corpus,
/// the regression cases, the checker tools, the benchmark generator). A fresh clone may
/// not have it, so tests that read it are enabled only when it is there.
enum SharedFiles {
    /// The repository root, from this file's own path (`Tests/EndToEndTests/…`).
    static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared`, or the folder named by `PORTICO_SHARED`.
    static let root: URL = {
        if let named = ProcessInfo.processInfo.environment["PORTICO_SHARED"], !named.isEmpty {
            return URL(fileURLWithPath: named)
        }
        return repositoryRoot.appendingPathComponent("../shared").standardizedFileURL
    }()

    static var cases: URL { root.appendingPathComponent("cases") }
    static var corpus: URL { root.appendingPathComponent("corpus") }
    static var tools: URL { root.appendingPathComponent("tools") }
    static var bench: URL { root.appendingPathComponent("bench") }

    /// True when every part of `../shared` these tests read is present.
    static let isAvailable: Bool = [cases, corpus, tools, bench].allSatisfy {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: $0.path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// The entries of a shared folder, sorted by name; empty when the folder is absent.
    static func contents(of folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { folder.appendingPathComponent($0) }
    }
}

/// Whether `../shared` is there; use as `.enabled(if: sharedAvailable, "../shared is absent: skipped")`.
let sharedAvailable = SharedFiles.isAvailable
