import Foundation
import PorticoModel
import PorticoRender

/// Finds and loads the default theme (`templates/` at the repository root): from
/// `PORTICO_THEME`, then beside the installed binary (`../share/portico/templates`
/// or a `templates/` folder up the tree), then the source checkout this binary was
/// built from.
enum DefaultTheme {
    static func directory() -> URL? {
        let fm = FileManager.default
        var candidates: [URL] = []
        if let env = ProcessInfo.processInfo.environment["PORTICO_THEME"], !env.isEmpty {
            candidates.append(URL(fileURLWithPath: env))
        }
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        var dir = executable.deletingLastPathComponent()
        candidates.append(dir.appendingPathComponent("../share/portico/templates").standardizedFileURL)
        for _ in 0..<6 {
            candidates.append(dir.appendingPathComponent("templates"))
            dir = dir.deletingLastPathComponent()
        }
        // The checkout this binary was compiled from: Sources/PorticoCLI/Theme/ → repository root.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(source.appendingPathComponent("templates"))
        return candidates.first { fm.fileExists(atPath: $0.appendingPathComponent("layout.mustache").path) }
    }

    static func files(in dir: URL) -> [String: String] {
        var files: [String: String] = [:]
        for path in Publisher.listFiles(dir) where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            if let data = FileManager.default.contents(atPath: dir.appendingPathComponent(path).path) {
                files[path] = String(decoding: data, as: UTF8.self)
            }
        }
        return files
    }

    /// The default theme with the workspace's overrides laid over it.
    static func load(overrides: [String: String]) throws -> Theme {
        guard let dir = directory() else {
            throw DiagnosticList([.error("cannot find the default theme (templates/): set PORTICO_THEME to its folder")])
        }
        do {
            let base = try Theme.from(files: files(in: dir))
            return overrides.isEmpty ? base : try Theme.overlay(base, overrides)
        } catch let d as Diagnostic {
            throw DiagnosticList([d])
        }
    }
}
