import Foundation
import PorticoModel

/// Writes built sites to the output folder. Each site is assembled in a staging
/// folder beside its final place and swapped in whole. Files whose bytes did not
/// change are hard-linked from the current site, so they keep their modification
/// time and cost no write.
public struct Publisher {
    public let output: URL
    /// Hidden manifest of the sites Portico published here, so a site whose partner
    /// was removed is removed too (and nothing else in the folder is touched).
    static let manifestName = ".portico-sites"

    public init(output: URL) {
        self.output = output
    }

    /// What publishing one site did.
    public struct SiteReport: Sendable {
        public var folder: String
        public var written: Int
        public var unchanged: Int
        public var removed: Int
    }

    /// Checks every path first, so a bad name publishes nothing at all.
    public static func validate(_ sites: [(folder: String, files: [OutputFile])]) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        for site in sites {
            if let problem = SafePath.problem(site.folder) ?? (site.folder.contains("/") ? "nested site folder" : nil) {
                problems.append(.error("site folder `\(site.folder)`: \(problem)"))
            }
            var seen: [String: String] = [:]
            var folders = Set<String>()
            for file in site.files {
                if let problem = SafePath.problem(file.path) {
                    problems.append(.error("\(site.folder)/\(file.path): \(problem); nothing was published"))
                }
                let key = file.path.precomposedStringWithCanonicalMapping.lowercased()
                if seen[key] != nil {
                    problems.append(.error("\(site.folder)/\(file.path): two files with this name (ignoring case)"))
                }
                seen[key] = file.path
                var folder = key.split(separator: "/", omittingEmptySubsequences: false).dropLast()
                while !folder.isEmpty {
                    folders.insert(folder.joined(separator: "/"))
                    folder = folder.dropLast()
                }
            }
            // A name cannot be a file and a folder at once: publishing would fail halfway.
            for (key, path) in seen.sorted(by: { $0.key < $1.key }) where folders.contains(key) {
                problems.append(.error("\(site.folder)/\(path): both a file and a folder; nothing was published"))
            }
        }
        return problems
    }

    /// Publishes one site. `knownUnchanged` lists files the caller knows have the
    /// bytes already published (watch mode); they are linked without being read.
    public func publish(_ folder: String, files: [OutputFile], knownUnchanged: Set<String> = []) throws -> SiteReport {
        let fm = FileManager.default
        try fm.createDirectory(at: output, withIntermediateDirectories: true)
        let target = output.appendingPathComponent(folder)
        let staging = output.appendingPathComponent(".portico-staging-\(folder)-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        var report = SiteReport(folder: folder, written: 0, unchanged: 0, removed: 0)
        do {
            var made = Set<String>()
            for file in files {
                let destination = staging.appendingPathComponent(file.path)
                // Not NSString.deletingLastPathComponent: Foundation on Linux traps on a
                // one-character path ("a").
                let parent = file.path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
                    .joined(separator: "/")
                if !parent.isEmpty && made.insert(parent).inserted {
                    try fm.createDirectory(at: staging.appendingPathComponent(parent), withIntermediateDirectories: true)
                }
                let current = target.appendingPathComponent(file.path)
                if knownUnchanged.contains(file.path), (try? fm.linkItem(at: current, to: destination)) != nil {
                    report.unchanged += 1
                    continue
                }
                if let old = fm.contents(atPath: current.path), old == file.bytes,
                   (try? fm.linkItem(at: current, to: destination)) != nil {
                    report.unchanged += 1
                    continue
                }
                try file.bytes.write(to: destination)
                report.written += 1
            }
            let previous = Set(Self.listFiles(target))
            report.removed = previous.subtracting(files.map(\.path)).count
            if report.written == 0 && report.removed == 0 && fm.fileExists(atPath: target.path) {
                // Nothing changed: leave the published site exactly as it is.
                try? fm.removeItem(at: staging)
                return report
            }
            try AtomicSwap.install(staging, at: target)
            try? fm.removeItem(at: staging)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        return report
    }

    /// Removes sites this tool published earlier that are not in `current`, and
    /// records the new list.
    public func finish(current: Set<String>, removeStale: Bool) throws {
        let fm = FileManager.default
        let manifest = output.appendingPathComponent(Self.manifestName)
        var known = Set((try? String(contentsOf: manifest, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? [])
        if removeStale {
            for stale in known.subtracting(current) where SafePath.problem(stale) == nil && !stale.contains("/") {
                try? fm.removeItem(at: output.appendingPathComponent(stale))
            }
            known = current
        } else {
            known.formUnion(current)
        }
        try (known.sorted().joined(separator: "\n") + "\n").write(to: manifest, atomically: true, encoding: .utf8)
    }

    /// Relative paths of the files under a folder.
    static func listFiles(_ root: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: [String] = []
        while let path = walker.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isDir), !isDir.boolValue {
                out.append(path)
            }
        }
        return out
    }
}
