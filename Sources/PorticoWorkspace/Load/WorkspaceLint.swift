import Foundation
import PorticoModel

/// Warnings about files a team probably meant Portico to read: they build fine, but
/// what they hold never reaches a site, so the team should hear about it. Errors
/// that protect partners live in `WorkspaceValidator`; nothing here is one.
public enum WorkspaceLint {
    /// Folders of the workspace whose files Portico reads only with one extension.
    static let readExtensions: [(folder: String, extensions: [String], what: String)] = [
        ("collections", ["json"], "collections are read from .json files"),
        ("environments", ["json"], "environments are read from .json files"),
        ("comments", ["yaml", "yml"], "comment threads are read from .yaml files"),
    ]

    public static func warnings(_ tree: SourceTree, _ workspace: Workspace, root: URL) -> [Diagnostic] {
        misnamedFolders(root) + ignoredFiles(tree) + unusedPartnerValues(tree, workspace)
    }

    /// A top-level folder one typo away from a content folder (`partner/`, `collection/`).
    /// Other folders are the team's own business and stay unmentioned.
    public static func misnamedFolders(_ root: URL) -> [Diagnostic] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().compactMap { name in
            var isDirectory: ObjCBool = false
            guard !name.hasPrefix("."), !WorkspaceScanner.contentFolders.contains(name),
                  FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isDirectory),
                  isDirectory.boolValue,
                  let meant = YAMLKeySuggestion.nearest(to: name, in: WorkspaceScanner.contentFolders) else { return nil }
            return .warning("folder `\(name)/` is not read by Portico; did you mean `\(meant)/`?",
                            at: SourceLocation(path: name))
        }
    }

    /// Files in a content folder that its reader skips (`Orders.postman_collection`).
    static func ignoredFiles(_ tree: SourceTree) -> [Diagnostic] {
        readExtensions.flatMap { rule in
            tree.files(under: rule.folder).compactMap { file -> Diagnostic? in
                let lowered = file.path.lowercased()
                guard !rule.extensions.contains(where: { lowered.hasSuffix("." + $0) }) else { return nil }
                return .warning("this file is ignored: \(rule.what)", at: SourceLocation(path: file.path))
            }
        }
    }

    /// A partner's environment value whose key no collection or environment refers to
    /// or defines, but is one typo away from one that does: a misspelt key silently
    /// leaves the default value in that partner's samples.
    static func unusedPartnerValues(_ tree: SourceTree, _ workspace: Workspace) -> [Diagnostic] {
        var known = Set(workspace.environments.flatMap { $0.values.map(\.key) })
        for collection in workspace.collections { known.formUnion(collection.variables.map(\.key)) }
        // A value may feed another variable (`base_url: "{{host}}/v1"`) as well as a request.
        for file in tree.files(under: "collections", extension: "json") + tree.files(under: "environments", extension: "json") {
            known.formUnion(referencedNames(in: file.bytes))
        }
        for partner in workspace.partners {
            for value in partner.environment { known.formUnion(referencedNames(in: Data(value.value.utf8))) }
        }
        var out: [Diagnostic] = []
        for partner in workspace.partners {
            // A key of the partner's own (a client id shown on its environments page) is
            // fine; one a typo away from a variable in use is almost surely that variable.
            for (key, value) in zip(partner.environmentKeys, partner.environment) where !known.contains(key) {
                guard let meant = YAMLKeySuggestion.nearest(to: key, in: known.sorted()) else { continue }
                out.append(.warning("`\(key)` is not a variable of any collection or environment, so no request "
                                    + "uses this value; did you mean `\(meant)`?", at: value.location))
            }
        }
        return out
    }

    /// The names inside `{{…}}` in a file's bytes. A byte scan, not a regular
    /// expression: it runs over every collection on every build in watch.
    static func referencedNames(in bytes: Data) -> Set<String> {
        var names: Set<String> = []
        bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let b = raw.bindMemory(to: UInt8.self)
            let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
            var i = 0
            var start = -1
            while i + 1 < b.count {
                if b[i] == open && b[i + 1] == open {
                    start = i + 2
                    i += 2
                    continue
                }
                if b[i] == close && b[i + 1] == close && start >= 0 {
                    if i > start, let name = String(bytes: UnsafeBufferPointer(rebasing: b[start..<i]), encoding: .utf8) {
                        names.insert(name.trimmingCharacters(in: .whitespaces))
                    }
                    start = -1
                    i += 2
                    continue
                }
                i += 1
            }
        }
        return names
    }
}
