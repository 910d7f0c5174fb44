import Foundation

/// The built `portico` executable these tests drive, found next to the test bundle
/// (`.build/<configuration>/portico`) or named by the `PORTICO_BIN` environment variable.
enum PorticoBinary {
    /// Why no executable was found.
    struct NotFound: Error, CustomStringConvertible {
        var searched: [String]
        var description: String {
            "the portico executable was not found; build it (swift build) or set PORTICO_BIN. Looked at: "
                + searched.joined(separator: ", ")
        }
    }

    /// The executable, or every place that was searched.
    static let location: Result<URL, NotFound> = locate()

    /// The executable; throws `NotFound` with the places searched.
    static func url() throws -> URL { try location.get() }

    /// True when the executable is a release build (its folder is `release`, or
    /// `PORTICO_BIN_RELEASE=1`): only then are the timing limits of B21 meaningful.
    static let isRelease: Bool = {
        if ProcessInfo.processInfo.environment["PORTICO_BIN_RELEASE"] == "1" { return true }
        guard case .success(let url) = location else { return false }
        return url.resolvingSymlinksInPath().pathComponents.contains("release")
    }()

    /// Runs `portico` with `arguments` in `directory`.
    static func run(_ arguments: [String], in directory: URL? = nil, timeout: TimeInterval = 300)
        async throws -> CommandResult {
        try await CommandRunner.run(url(), arguments, in: directory, timeout: timeout)
    }

    /// `portico build WORKSPACE --out OUT`.
    static func build(_ workspace: URL, out: URL, timeout: TimeInterval = 300) async throws -> CommandResult {
        try await run(["build", workspace.path, "--out", out.path], timeout: timeout)
    }

    private static func locate() -> Result<URL, NotFound> {
        let candidates = candidateFolders().map { $0.appendingPathComponent("portico") }
        var searched: [String] = []
        if let named = ProcessInfo.processInfo.environment["PORTICO_BIN"], !named.isEmpty {
            let url = URL(fileURLWithPath: named)
            if FileManager.default.isExecutableFile(atPath: url.path) { return .success(url) }
            searched.append("PORTICO_BIN=\(named)")
        }
        for candidate in candidates {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
               FileManager.default.isExecutableFile(atPath: candidate.path) {
                return .success(candidate)
            }
            searched.append(candidate.path)
        }
        return .failure(NotFound(searched: searched))
    }

    /// Folders that hold the products of this build, most specific first: the one holding
    /// the test bundle (on Linux `PorticoPackageTests.xctest` is an executable in
    /// `.build/debug/`; on macOS a bundle there), then the repository's `.build/debug`.
    private static func candidateFolders() -> [URL] {
        var folders: [URL] = []
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            folders.append(bundle.bundleURL.deletingLastPathComponent())
        }
        if let executable = Bundle.main.executableURL {
            folders.append(executable.deletingLastPathComponent())
            folders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        if let first = CommandLine.arguments.first, first.contains("/") {
            folders.append(URL(fileURLWithPath: first).deletingLastPathComponent())
        }
        folders.append(Bundle.main.bundleURL)
        folders.append(Bundle.main.bundleURL.deletingLastPathComponent())
        folders.append(SharedFiles.repositoryRoot.appendingPathComponent(".build/debug"))
        var seen = Set<String>()
        return folders.filter { seen.insert($0.standardizedFileURL.path).inserted }
    }
}
