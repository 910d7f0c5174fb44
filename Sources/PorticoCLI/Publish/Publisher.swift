import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PorticoModel
import PorticoRender

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
    public func publish(_ folder: String, files: [OutputFile], knownUnchanged: Set<String> = [],
                        memory: PublishedSite? = nil) throws -> SiteReport {
        if let memory {
            if let report = try publishFromShadow(folder, files: files, memory: memory) { return report }
            let live = memory.live
            memory.forget()
            let report = try publishStaged(folder, files: files, knownUnchanged: knownUnchanged, keepOld: live != nil)
            memory.live = Self.contents(files)
            if let kept = report.kept, let live { memory.shadow = (kept, live) }
            return report.report
        }
        return try publishStaged(folder, files: files, knownUnchanged: knownUnchanged, keepOld: false).report
    }

    private func publishStaged(_ folder: String, files: [OutputFile], knownUnchanged: Set<String>,
                               keepOld: Bool) throws -> (report: SiteReport, kept: URL?) {
        let fm = FileManager.default
        try fm.createDirectory(at: output, withIntermediateDirectories: true)
        let target = output.appendingPathComponent(folder)
        // The swap below replaces the whole folder: never do that to one Portico did
        // not publish (`preview --out .` emptied the current folder; `build --out ~`
        // with a partner `bin` would take ~/bin), nor put the preview over a partner site.
        let isPreview = files.contains { $0.path == SitePaths.previewMarker }
        if let problem = replacementProblem(target, folder: folder, isPreview: isPreview) {
            throw Refusal(errorDescription: problem)
        }
        // Recorded before the swap, so a build killed right after it still owns the folder.
        if !isPreview { try record(folder) }
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
                return (report, nil)
            }
            if try AtomicSwap.install(staging, at: target), keepOld {
                // The old site is now in the staging folder: watch keeps it to build the next one in.
                return (report, staging)
            }
            try? fm.removeItem(at: staging)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        return (report, nil)
    }

    /// Watch mode: the published site's bytes, and the site published before it, kept
    /// in a hidden folder beside it (the staging folder of the last swap). The next
    /// build turns that folder into the new site by changing only the files that
    /// differ from it, then swaps it in: the cost of publishing an edit follows the
    /// number of files it changed, not the size of the site, and readers still see
    /// the old site or the new one, never a mix.
    public final class PublishedSite: @unchecked Sendable {
        var live: [String: Data]?
        var shadow: (url: URL, files: [String: Data])?

        public init() {}

        /// Drops the kept folder, e.g. when watch stops.
        public func forget() {
            if let shadow { try? FileManager.default.removeItem(at: shadow.url) }
            shadow = nil
            live = nil
        }
    }

    static func contents(_ files: [OutputFile]) -> [String: Data] {
        var out: [String: Data] = [:]
        out.reserveCapacity(files.count)
        for file in files { out[file.path] = file.bytes }
        return out
    }

    /// Equal bytes, answered without reading them when both share storage.
    static func same(_ a: Data?, _ b: Data) -> Bool {
        guard let a, a.count == b.count else { return false }
        return a.withUnsafeBytes { x in
            b.withUnsafeBytes { y in
                guard let p = x.baseAddress, let q = y.baseAddress else { return x.count == 0 }
                return p == q || memcmp(p, q, x.count) == 0
            }
        }
    }

    /// Publishes by updating the kept previous site; nil when there is none to update,
    /// or it could not be updated (the caller then stages the site whole).
    private func publishFromShadow(_ folder: String, files: [OutputFile], memory: PublishedSite) throws -> SiteReport? {
        guard let live = memory.live, let shadow = memory.shadow else { return nil }
        let fm = FileManager.default
        let target = output.appendingPathComponent(folder)
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: shadow.url.path, isDirectory: &isFolder), isFolder.boolValue,
              fm.fileExists(atPath: target.path, isDirectory: &isFolder), isFolder.boolValue else { return nil }
        var report = SiteReport(folder: folder, written: 0, unchanged: 0, removed: 0)
        let paths = Set(files.map(\.path))
        let removed = live.keys.filter { !paths.contains($0) }
        let changed = files.filter { !Self.same(live[$0.path], $0.bytes) }
        if changed.isEmpty && removed.isEmpty {
            report.unchanged = files.count
            return report
        }
        let isPreview = files.contains { $0.path == SitePaths.previewMarker }
        if let problem = replacementProblem(target, folder: folder, isPreview: isPreview) {
            throw Refusal(errorDescription: problem)
        }
        do {
            let root = shadow.url.path
            for file in files {
                let old = shadow.files[file.path]
                let destination = root + "/" + file.path
                if Self.same(live[file.path], file.bytes) {
                    // Unchanged: the kept folder must hold the published file itself (same
                    // inode, same modification time). A file equal in both is that already.
                    if Self.same(old, file.bytes) { continue }
                    if old != nil { try Self.unlinkFile(destination) }
                    try Self.makeParents(of: file.path, in: root)
                    try fm.linkItem(atPath: target.path + "/" + file.path, toPath: destination)
                    report.unchanged += 1
                } else {
                    if old != nil { try Self.unlinkFile(destination) }
                    try Self.makeParents(of: file.path, in: root)
                    try file.bytes.write(to: URL(fileURLWithPath: destination))
                    report.written += 1
                }
            }
            for path in shadow.files.keys where !paths.contains(path) {
                try Self.unlinkFile(root + "/" + path)
                Self.removeEmptyParents(of: path, in: root)
            }
            report.removed = removed.count
            report.unchanged = files.count - report.written
            guard try AtomicSwap.install(shadow.url, at: target) else { return nil }
        } catch {
            // The kept folder is in an unknown state: forget it and stage the site whole.
            return nil
        }
        memory.shadow = (shadow.url, live)
        memory.live = Self.contents(files)
        return report
    }

    private static func unlinkFile(_ path: String) throws {
        if unlink(path) != 0 && errno != ENOENT {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
    }

    private static func makeParents(of path: String, in root: String) throws {
        let parent = path.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        guard !parent.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: root + "/" + parent, withIntermediateDirectories: true)
    }

    /// A staged site holds no empty folder: remove the ones a removed file leaves.
    private static func removeEmptyParents(of path: String, in root: String) {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        while !parts.isEmpty {
            guard rmdir(root + "/" + parts.joined(separator: "/")) == 0 else { return }
            parts = parts.dropLast()
        }
    }

    /// A folder the publisher will not replace, said in words (the caller prints
    /// `localizedDescription`).
    struct Refusal: LocalizedError {
        var errorDescription: String?
    }

    /// Why `target` must not be replaced, or nil: it is absent, empty, a site this
    /// output's manifest lists, or (for the preview) an earlier preview.
    func replacementProblem(_ target: URL, folder: String, isPreview: Bool) -> String? {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: target.path, isDirectory: &isFolder) else { return nil }
        guard isFolder.boolValue else { return "\(target.path) is a file, not a folder Portico published" }
        let entries = (try? fm.contentsOfDirectory(atPath: target.path)) ?? []
        if entries.isEmpty { return nil }
        let holdsPreview = entries.contains(SitePaths.previewMarker)
        if isPreview {
            return holdsPreview ? nil : "\(target.path) already exists and is not a Portico team preview; the preview "
                + "replaces its folder whole, so choose a new or empty folder with --out"
        }
        if holdsPreview {
            return "\(target.path) holds the team preview; a partner site must never be published there"
        }
        if knownSites().contains(folder) { return nil }
        return "\(target.path) already exists and was not published by Portico (it is not listed in "
            + "\(Self.manifestName)); a site replaces its folder whole, so move it away or choose another --out"
    }

    /// The site folders this output's manifest lists.
    func knownSites() -> Set<String> {
        let manifest = output.appendingPathComponent(Self.manifestName)
        return Set((try? String(contentsOf: manifest, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? [])
    }

    private func record(_ folder: String) throws {
        var known = knownSites()
        guard known.insert(folder).inserted else { return }
        try (known.sorted().joined(separator: "\n") + "\n")
            .write(to: output.appendingPathComponent(Self.manifestName), atomically: true, encoding: .utf8)
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
        removeAbandonedStaging()
    }

    /// Staging folders of a Portico that was killed (`.portico-staging-<site>-<pid>`,
    /// the process gone): an older copy of a site, nothing anyone will use again.
    func removeAbandonedStaging() {
        let fm = FileManager.default
        let ownPID = ProcessInfo.processInfo.processIdentifier
        for name in (try? fm.contentsOfDirectory(atPath: output.path)) ?? [] where name.hasPrefix(".portico-staging-") {
            guard let pid = name.split(separator: "-").last.flatMap({ Int32($0) }), pid != ownPID, pid > 0 else { continue }
            // kill(pid, 0) asks only whether the process exists; ESRCH: it does not.
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? fm.removeItem(at: output.appendingPathComponent(name))
            }
        }
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
