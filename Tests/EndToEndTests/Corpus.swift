import Foundation
import Testing

/// One file of `../shared/corpus` (real-world Postman exports), with the format version
/// MANIFEST.tsv records for it.
struct CorpusFile: Sendable, CustomTestStringConvertible {
    var url: URL
    /// `v2.1.0`, `v2.0.0`, `v1`, or `environment`.
    var format: String

    var name: String { url.lastPathComponent }
    var testDescription: String { name }
    var isV1: Bool { format == "v1" }
}

/// The corpus files, read from ../shared/corpus; empty when ../shared is absent.
enum Corpus {
    static let collections: [CorpusFile] = files(in: "collections")
    static let environments: [CorpusFile] = files(in: "environments")

    private static func files(in folder: String) -> [CorpusFile] {
        let formats = manifest()
        return SharedFiles.contents(of: SharedFiles.corpus.appendingPathComponent(folder))
            .filter { $0.pathExtension == "json" }
            .map { CorpusFile(url: $0, format: formats["\(folder)/\($0.lastPathComponent)"] ?? "unknown") }
    }

    /// MANIFEST.tsv: file → format_version.
    private static func manifest() -> [String: String] {
        let url = SharedFiles.corpus.appendingPathComponent("MANIFEST.tsv")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var formats: [String: String] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if fields.count > 5 { formats[String(fields[0])] = String(fields[5]) }
        }
        return formats
    }
}
