import Foundation
import Testing

/// One regression case of `../shared/cases` built the way cases_check.py builds it: a
/// multipartner workspace with one admin and partners `alpha` and `beta`, the case's
/// collection under collections/ and, when used, its environment.json as default_environment.
struct CaseBuild: Sendable {
    let caseFolder: URL
    let workspace: TestWorkspace
    let result: CommandResult
    /// The partner sites (alpha, beta) when the build succeeded.
    let sites: [PartnerSite]

    /// The named file of the case folder.
    func input(_ name: String) -> URL { caseFolder.appendingPathComponent(name) }
}

/// The regression cases, each built at most once per test run and shared by every test that
/// asserts on it.
enum CaseSites {
    private static let cache = OnceCache<CaseBuild>()

    /// The build of case `id` (`B05` or the full folder name); `environment` nil means "use
    /// environment.json when the case has one", like the checker.
    static func build(_ id: String, environment: Bool? = nil) async throws -> CaseBuild {
        try await cache.value("\(id)|\(environment.map(String.init) ?? "default")") {
            try await make(id, environment: environment)
        }
    }

    /// The folder of case `id` in ../shared/cases.
    static func folder(_ id: String) throws -> URL {
        guard let folder = SharedFiles.contents(of: SharedFiles.cases).first(where: {
            $0.lastPathComponent == id || $0.lastPathComponent.hasPrefix(id + "-")
        }) else { throw CaseMissing(id: id) }
        return folder
    }

    /// A case workspace like the checker's, with `collections` copied from the case folder.
    static func workspace(_ id: String, collections: [String] = ["collection.json"], environment: Bool? = nil)
        throws -> TestWorkspace {
        let folder = try folder(id)
        let environmentFile = folder.appendingPathComponent("environment.json")
        let useEnvironment = environment ?? FileManager.default.fileExists(atPath: environmentFile.path)
        var environmentName: String?
        if useEnvironment {
            environmentName = (try PostmanJSON.parse(contentsOf: environmentFile) as? [String: Any])?["name"] as? String
        }
        let workspace = try TestWorkspace(id, files: WorkspaceFiles.minimal(
            name: "Case \(folder.lastPathComponent)", partners: [WorkspaceFiles.alpha, WorkspaceFiles.beta],
            defaultEnvironment: environmentName))
        if useEnvironment { try workspace.copy(environmentFile, to: "environments/environment.json") }
        for name in collections {
            try workspace.copy(folder.appendingPathComponent(name), to: "collections/\(name)")
        }
        return workspace
    }

    private static func make(_ id: String, environment: Bool?) async throws -> CaseBuild {
        let workspace = try workspace(id, environment: environment)
        let result = try await workspace.build()
        let sites = result.status == 0 ? try [workspace.site("alpha"), workspace.site("beta")] : []
        return CaseBuild(caseFolder: try folder(id), workspace: workspace, result: result, sites: sites)
    }
}

/// A case id with no folder in ../shared/cases.
struct CaseMissing: Error, CustomStringConvertible {
    var id: String
    var description: String { "no case \(id) in \(SharedFiles.cases.path)" }
}

extension CaseBuild {
    /// The partner sites, after recording an issue when the build did not succeed.
    func requireSites(sourceLocation: SourceLocation = #_sourceLocation) throws -> [PartnerSite] {
        try #require(result.status == 0, "\(caseFolder.lastPathComponent) did not build: \(result)",
                     sourceLocation: sourceLocation)
        return sites
    }
}
