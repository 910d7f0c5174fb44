import Foundation
import Testing

/// A synthetic workspace from ../shared/bench/make_workspace.py (5 partners, 200 requests per
/// collection, hidden content and canaries everywhere), built once: no partner site may hold
/// anything of another partner or anything internal, and each holds exactly its own requests.
@Suite("Bench workspace leaks", .enabled(if: sharedAvailable, "../shared is absent: skipped"))
struct BenchLeakTests {
    /// The generated workspace and the result of building it.
    private struct Bench: Sendable {
        var folder: URL
        var result: CommandResult
        var workspace: URL { folder.appendingPathComponent("workspace") }
        var out: URL { folder.appendingPathComponent("out") }
        var canaries: URL { workspace.appendingPathComponent("canaries.json") }
    }

    private static let cache = OnceCache<Bench>()

    private func bench() async throws -> Bench {
        try await Self.cache.value("bench") {
            let folder = try Scratch.directory("bench")
            let workspace = folder.appendingPathComponent("workspace")
            let generated = try await CommandRunner.run(program: "python3", [
                SharedFiles.bench.appendingPathComponent("make_workspace.py").path, workspace.path,
                "--partners", "5", "--requests", "200",
            ])
            guard generated.status == 0 else { throw GeneratorFailed(result: generated) }
            let result = try await PorticoBinary.build(workspace, out: folder.appendingPathComponent("out"),
                                                       timeout: 600)
            return Bench(folder: folder, result: result)
        }
    }

    @Test("leakscan.py finds nothing in any partner site")
    func leakscanFindsNothing() async throws {
        let bench = try await bench()
        try #require(bench.result.status == 0, "\(bench.result)")
        let scan = try await CommandRunner.run(program: "python3", [
            SharedFiles.tools.appendingPathComponent("leakscan.py").path, bench.out.path, bench.canaries.path,
        ])
        #expect(scan.status == 0, "\(scan)")
        #expect(scan.lines.last?.contains(" 0 findings") == true, "\(scan)")
    }

    @Test("each partner's downloads hold exactly the requests canaries.json expects for it")
    func downloadsHoldExpectedRequests() async throws {
        let bench = try await bench()
        try #require(bench.result.status == 0, "\(bench.result)")
        let canaries = try #require(try PostmanJSON.parse(contentsOf: bench.canaries) as? [String: Any])
        let expected = try #require(canaries["expected"] as? [String: [String: Any]])
        try #require(expected.count == 5)

        for (slug, facts) in expected.sorted(by: { $0.key < $1.key }) {
            let site = try PartnerSite(root: bench.out.appendingPathComponent(slug), readingPages: false)
            let requests = try #require((facts["requests"] as? Int) ?? (facts["requests"] as? NSNumber)?.intValue)
            #expect(try site.downloadedRequestCount() == requests, "\(slug)")
        }
    }
}

/// make_workspace.py did not run.
struct GeneratorFailed: Error, CustomStringConvertible {
    var result: CommandResult
    var description: String { "make_workspace.py failed: \(result)" }
}
