import Foundation
import Testing

/// Every real-world collection and environment of ../shared/corpus, each built alone in a
/// minimal multipartner workspace (one admin, one partner `alpha`).
@Suite("Corpus", .enabled(if: sharedAvailable, "../shared is absent: skipped"))
struct CorpusTests {
    /// Words a renderer leaks when it prints a missing value, and how to find them as words.
    private static var leakedWords: [(word: String, pattern: Regex<Substring>)] {
        [("undefined", /\bundefined\b/), ("null", /\bnull\b/), ("Optional(", /Optional\(/)]
    }

    /// A corpus collection built once per run, shared by the tests that assert on it.
    private struct Built: Sendable {
        var workspace: TestWorkspace
        var result: CommandResult
    }

    private static let builds = OnceCache<Built>()

    private func build(_ file: CorpusFile) async throws -> (TestWorkspace, CommandResult) {
        let built = try await Self.builds.value(file.name) {
            let workspace = try TestWorkspace("corpus", files: WorkspaceFiles.minimal(name: "Corpus"))
            try workspace.copy(file.url, to: "collections/\(file.name)")
            return Built(workspace: workspace, result: try await workspace.build())
        }
        return (built.workspace, built.result)
    }

    @Test("a v2.x collection builds with one request page and one downloaded request per source request",
          arguments: Corpus.collections.filter { !$0.isV1 })
    func v2CollectionBuildsEveryRequest(_ file: CorpusFile) async throws {
        let (workspace, result) = try await build(file)
        try #require(result.status == 0, "\(result)")
        let expected = PostmanJSON.requestCount(try PostmanJSON.parse(contentsOf: file.url))
        let site = try workspace.site("alpha")

        #expect(site.requestPages.count == expected)
        #expect(try site.downloadedRequestCount() == expected)
    }

    @Test("a v2.x collection's pages never show undefined, null or Optional( that the file does not hold",
          arguments: Corpus.collections.filter { !$0.isV1 })
    func v2CollectionShowsNoMissingValues(_ file: CorpusFile) async throws {
        let (workspace, result) = try await build(file)
        try #require(result.status == 0, "\(result)")
        let sourceStrings = PostmanJSON.strings(in: try PostmanJSON.parse(contentsOf: file.url))
        let site = try workspace.site("alpha")

        for (word, pattern) in Self.leakedWords
        where !sourceStrings.contains(where: { $0.contains(word) && $0.contains(pattern) }) {
            let pages = site.pages.filter { site.text[$0]!.contains(word) && site.text[$0]!.contains(pattern) }
            #expect(pages.isEmpty, "`\(word)` shown on \(pages.count) page(s), e.g. \(pages.prefix(3))")
        }
    }

    @Test("a v1 collection is refused with one error naming the file and saying v1 is not supported",
          arguments: Corpus.collections.filter(\.isV1))
    func v1CollectionIsRefused(_ file: CorpusFile) async throws {
        let workspace = try TestWorkspace("corpus-v1", files: WorkspaceFiles.minimal(name: "Corpus"))
        defer { workspace.discard() }
        try workspace.copy(file.url, to: "collections/\(file.name)")
        let result = try await workspace.buildFromInside()

        #expect(result.status == 1, "\(result)")
        #expect(result.diagnostics.count == 1, "\(result)")
        let line = result.diagnostics.first ?? ""
        #expect(line.hasPrefix("collections/\(file.name):") || line.hasPrefix("./collections/\(file.name):"),
                "\(result)")
        #expect(line.contains(/(?i)\bv1\b|version 1\b|1\.0\.0/), "\(line)")
        #expect(!FileManager.default.fileExists(atPath: workspace.out.appendingPathComponent("alpha").path))
    }

    @Test("an environment builds as the default environment and its download keeps secrets blank",
          arguments: Corpus.environments)
    func environmentBuildsAsDefault(_ file: CorpusFile) async throws {
        let environment = try #require(try PostmanJSON.parse(contentsOf: file.url) as? [String: Any])
        let name = try #require(environment["name"] as? String)
        let values = (environment["values"] as? [[String: Any]]) ?? []
        var files = WorkspaceFiles.minimal(name: "Corpus", defaultEnvironment: name)
        let keys = values.compactMap { $0["key"] as? String }
        files["collections/uses-variables.json"] = try Self.collection(using: keys)
        let workspace = try TestWorkspace("corpus-env", files: files)
        defer { workspace.discard() }
        try workspace.copy(file.url, to: "environments/\(file.name)")

        let result = try await workspace.build()

        try #require(result.status == 0, "\(result)")
        let downloads = try workspace.site("alpha").downloadedEnvironments()
        #expect(downloads.count == 1, "\(downloads.keys)")
        let secrets = Set(values.filter { $0["type"] as? String == "secret" }.compactMap { $0["key"] as? String })
        for (path, download) in downloads {
            for value in (download["values"] as? [[String: Any]]) ?? [] {
                guard let key = value["key"] as? String, secrets.contains(key) else { continue }
                #expect((value["value"] as? String) == "", "\(path): secret \(key) is not blank")
            }
        }
    }

    /// A one-request collection whose header values use each of `keys` as `{{key}}`.
    private static func collection(using keys: [String]) throws -> String {
        let collection: [String: Any] = [
            "info": ["name": "Uses variables",
                     "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"],
            "item": [["name": "Echo", "request": [
                "method": "GET", "url": "https://api.example.test/echo",
                "header": keys.prefix(40).map { ["key": "X-Var", "value": "{{\($0)}}"] },
            ]]],
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: collection), as: UTF8.self)
    }
}
