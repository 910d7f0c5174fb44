import Foundation
import PorticoModel

/// Reads every file of a `SourceTree` into a `Workspace` and validates it. Every
/// problem in every file is collected, so one build reports them all.
public enum WorkspaceLoader {
    public static let settingsFile = "portico.yaml"

    public static func load(_ tree: SourceTree, cache: LoadCache = LoadCache()) throws -> Workspace {
        cache.keep(only: Set(tree.files.keys))
        var problems: [Diagnostic] = []
        func attempt<T>(_ body: () throws -> T) -> T? {
            do { return try body() } catch let list as DiagnosticList {
                problems += list.diagnostics
            } catch let diagnostic as Diagnostic {
                problems.append(diagnostic)
            } catch {
                problems.append(.error("\(error)"))
            }
            return nil
        }

        guard let settingsData = tree.files[settingsFile] else {
            throw DiagnosticList([.error("no portico.yaml here: is this a Portico workspace?",
                                         at: SourceLocation(path: settingsFile))])
        }
        let settings = attempt { try cache.value(settingsFile, settingsData) { try WorkspaceSettingsReader.read(settingsData, path: settingsFile) } }

        let partners = tree.files(under: "partners").compactMap { file -> PartnerFile? in
            // The slug is the file name, so a subfolder could hold a second `globex.yaml`
            // that takes over Globex's site: partner files sit directly in partners/.
            guard file.path.split(separator: "/").count == 2 else {
                problems.append(.error("partner files sit directly in partners/ (partners/<slug>.yaml); "
                                       + "subfolders are not read", at: SourceLocation(path: file.path)))
                return nil
            }
            guard file.path.hasSuffix(".yaml") || file.path.hasSuffix(".yml") else {
                problems.append(.error("partner files are named <slug>.yaml", at: SourceLocation(path: file.path)))
                return nil
            }
            return attempt { try cache.value(file.path, file.bytes) { try PartnerFileReader.read(file.bytes, path: file.path) } }
        }
        let collections = tree.files(under: "collections", extension: "json").compactMap { file in
            attempt { try cache.value(file.path, file.bytes) {
                var collection = try PostmanReader.readCollection(file.bytes, path: file.path)
                collection.sourceDigest = Self.digest(file.bytes)
                if let old = cache.previous(file.path, as: PostmanCollection.self) {
                    collection = StructuralSharing.share(collection, with: old)
                }
                return collection
            } }
        }
        let environments = tree.files(under: "environments", extension: "json").compactMap { file in
            attempt { try cache.value(file.path, file.bytes) { try PostmanReader.readEnvironment(file.bytes, path: file.path) } }
        }
        let docs = tree.files(under: "docs", extension: "md").compactMap { file -> DocPage? in
            let slug = String(file.path.dropFirst("docs/".count).dropLast(".md".count))
            return attempt { try cache.value(file.path, file.bytes) { try DocPageReader.read(file.bytes, path: file.path, slug: slug) } }
        }
        let comments = tree.files(under: "comments").filter { $0.path.hasSuffix(".yaml") || $0.path.hasSuffix(".yml") }
            .compactMap { file in attempt { try cache.value(file.path, file.bytes) { try CommentThreadReader.read(file.bytes, path: file.path) } } }
        var templates: [String: String] = [:]
        for file in tree.files(under: "templates") {
            templates[String(file.path.dropFirst("templates/".count))] = String(decoding: file.bytes, as: UTF8.self)
        }
        let assets = tree.files(under: "assets").map { OutputFile(path: $0.path, bytes: $0.bytes) }
        let lock = tree.files[LockFile.fileName].flatMap { data in attempt { try LockFile.read(data) } }

        guard let settings, problems.isEmpty else {
            throw DiagnosticList(problems.isEmpty ? [.error("portico.yaml could not be read")] : problems)
        }
        let workspace = Workspace(settings: settings, partners: partners, collections: collections,
                                  environments: environments, docs: docs, comments: comments,
                                  templates: templates, assets: assets, lock: lock)
        let found = WorkspaceValidator.validate(workspace)
        if found.contains(where: { $0.severity == .error }) { throw DiagnosticList(found) }
        return workspace
    }

    /// A digest of all of a file's bytes. Not `Data.hashValue`: that hashes only the
    /// first 80 bytes, so an edit further in that kept the file's length gave the same
    /// value and watch mode reused the old download.
    static func digest(_ bytes: Data) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes.count)
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        let value = hasher.finalize()
        return value == 0 ? 1 : value
    }
}
