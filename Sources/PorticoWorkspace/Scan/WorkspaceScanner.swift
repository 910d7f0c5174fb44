import Foundation
import PorticoModel

/// Reads a workspace directory from disk into a `SourceTree`: the two top-level
/// files and the content folders, hidden entries skipped, other top-level files
/// ignored. A symbolic link that leaves the workspace is an error, never followed.
public enum WorkspaceScanner {
    public static let topLevelFiles: Set<String> = ["portico.yaml", LockFile.fileName]
    public static let contentFolders: [String] = [
        "collections", "environments", "docs", "partners", "comments", "templates", "assets",
    ]
    /// Refuse to read more than this many files: a workspace pointed at `/` by mistake.
    static let maxFiles = 200_000

    public static func scan(_ root: URL) throws -> SourceTree {
        let fm = FileManager.default
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: rootPath, isDirectory: &isDir), isDir.boolValue else {
            throw DiagnosticList([.error("workspace folder \(root.path) does not exist")])
        }
        var files: [String: Data] = [:]
        var problems: [Diagnostic] = []
        for name in topLevelFiles {
            let path = rootPath + "/" + name
            switch entryKind(path, relative: name, root: rootPath, problems: &problems) {
            case .file?:
                if let data = readFile(path, relative: name, root: rootPath, problems: &problems) { files[name] = data }
            case .directory?:
                problems.append(.error("\(name) is a folder; it must be a file", at: SourceLocation(path: name)))
            case nil:
                break
            }
        }
        for folder in contentFolders {
            walk(rootPath + "/" + folder, relative: folder, root: rootPath, files: &files, problems: &problems, depth: 0)
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return SourceTree(files: files)
    }

    private static func walk(_ path: String, relative: String, root: String, files: inout [String: Data],
                             problems: inout [Diagnostic], depth: Int) {
        let fm = FileManager.default
        guard let kind = entryKind(path, relative: relative, root: root, problems: &problems) else { return }
        switch kind {
        case .file:
            if let data = readFile(path, relative: relative, root: root, problems: &problems) { files[relative] = data }
        case .directory:
            guard depth < 64 else {
                problems.append(.error("folders nested deeper than 64 levels", at: SourceLocation(path: relative)))
                return
            }
            guard let names = try? fm.contentsOfDirectory(atPath: path) else {
                problems.append(.error("cannot read this folder", at: SourceLocation(path: relative)))
                return
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                if files.count >= maxFiles {
                    problems.append(.error("more than \(maxFiles) files: is this the right folder?", at: SourceLocation(path: relative)))
                    return
                }
                walk(path + "/" + name, relative: relative + "/" + name, root: root, files: &files,
                     problems: &problems, depth: depth + 1)
            }
        }
    }

    private enum Kind { case file, directory }

    /// What an entry is after following links that stay inside the workspace; nil
    /// when it is absent or refused (a refusal is recorded).
    private static func entryKind(_ path: String, relative: String, root: String, problems: inout [Diagnostic]) -> Kind? {
        let fm = FileManager.default
        guard let attributes = try? fm.attributesOfItem(atPath: path) else { return nil }
        var type = attributes[.type] as? FileAttributeType
        if type == .typeSymbolicLink {
            let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
            guard resolved == root || resolved.hasPrefix(root + "/") else {
                problems.append(.error("symbolic link leads outside the workspace; Portico does not follow it",
                                       at: SourceLocation(path: relative)))
                return nil
            }
            // A link to a folder inside the workspace could loop; only links to files are followed.
            type = (try? fm.attributesOfItem(atPath: resolved))?[.type] as? FileAttributeType
            if type == .typeDirectory {
                problems.append(.error("symbolic link to a folder; Portico follows links to files only",
                                       at: SourceLocation(path: relative)))
                return nil
            }
        }
        switch type {
        case .typeRegular?: return .file
        case .typeDirectory?: return .directory
        default: return nil
        }
    }

    private static func readFile(_ path: String, relative: String, root: String, problems: inout [Diagnostic]) -> Data? {
        guard let data = FileManager.default.contents(atPath: path) else {
            problems.append(.error("cannot read this file", at: SourceLocation(path: relative)))
            return nil
        }
        return data
    }
}
