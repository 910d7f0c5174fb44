import Foundation
import Testing

/// The command line itself: exit status 0 for help and version, 64 for wrong usage
/// (as `portico --help` documents: 0 success, 1 errors in the workspace, 64 wrong usage).
@Suite("Command line")
struct CommandLineTests {
    static let commands = ["build", "check", "preview", "watch", "serve"]

    @Test("--help exits 0 and prints usage, for portico and every command",
          arguments: [nil] + commands.map(Optional.some))
    func helpExitsZero(_ command: String?) async throws {
        let result = try await PorticoBinary.run((command.map { [$0] } ?? []) + ["--help"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("Usage"), "\(result)")
        if let command { #expect(result.stdout.contains("portico \(command)"), "\(result)") }
    }

    @Test("--version exits 0 and prints portico and a version number")
    func versionExitsZero() async throws {
        let result = try await PorticoBinary.run(["--version"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains(/^portico \d+\.\d+\.\d+/), "\(result)")
    }

    @Test("wrong usage exits 64 with a message on stderr", arguments: [
        ["frobnicate"],
        ["--frobnicate"],
        ["build", "--frobnicate"],
        ["build", "--out"],
    ])
    func wrongUsageExits64(_ arguments: [String]) async throws {
        let folder = try Scratch.directory("usage")
        defer { Scratch.remove(folder) }
        let result = try await PorticoBinary.run(arguments, in: folder)
        #expect(result.status == 64, "\(result)")
        #expect(!result.stderr.isEmpty, "\(result)")
        #expect(DirectorySnapshot.relativePaths(under: folder).isEmpty, "wrong usage must write nothing")
    }
}
