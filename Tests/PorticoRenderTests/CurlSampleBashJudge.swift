import Foundation
import Testing

/// Runs a cURL snippet in a real bash, with `curl` replaced by a function that records its
/// arguments (like the cases checker's CURL_PRELUDE), and reports every way it misbehaves.
enum CurlBashJudge {
    /// The recording prelude: one NUL-terminated argument after another, into `args`.
    static let prelude = """
        set +H
        curl() { : > "$CURLCHECK_DIR/args"; for a in "$@"; do printf '%s\\0' "$a" >> "$CURLCHECK_DIR/args"; done; }
        whoami() { printf 'EXPANDED-whoami'; }
        id() { printf 'EXPANDED-id'; }

        """

    /// The argv the snippet passes to curl, or nil after recording an issue: `bash -n` fails,
    /// the run writes to stderr or exits non-zero, a `$HOME`/backtick/`$(…)` was expanded, or an
    /// interactive bash (history expansion on, as when a partner pastes it) gets other arguments.
    static func args(_ snippet: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String]? {
        guard let dir = try? makeDirectory() else {
            Issue.record("cannot create a temporary directory", sourceLocation: sourceLocation)
            return nil
        }
        defer { try? FileManager.default.removeItem(at: dir) }
        let snippetFile = dir.appendingPathComponent("snippet.sh")
        try? Data((snippet + "\n").utf8).write(to: snippetFile)

        let syntax = bash(["-n", snippetFile.path], in: dir)
        guard syntax.status == 0 else {
            Issue.record("bash -n: \(syntax.stderr)\n\(snippet)", sourceLocation: sourceLocation)
            return nil
        }
        try? Data((prelude + "source ./snippet.sh\n").utf8).write(to: dir.appendingPathComponent("wrapper.sh"))
        let run = bash(["--noprofile", "--norc", "wrapper.sh"], in: dir)
        guard run.status == 0, run.stderr.isEmpty, let args = recorded(in: dir) else {
            Issue.record("snippet exits \(run.status): \(run.stderr)\n\(snippet)", sourceLocation: sourceLocation)
            return nil
        }
        if args.contains(where: { $0.contains("EXPANDED-") }) {
            Issue.record("the shell expanded $HOME, `whoami` or $(id): \(args)", sourceLocation: sourceLocation)
        }

        // Pasted into an interactive shell, `!` outside single quotes is history expansion.
        try? FileManager.default.removeItem(at: dir.appendingPathComponent("args"))
        let interactivePrelude = prelude.replacingOccurrences(of: "set +H\n", with: "set -H\n")
        let pasted = bash(["--noprofile", "--norc", "-i"], in: dir, stdin: interactivePrelude + snippet + "\n")
        if pasted.stderr.contains("event not found") || recorded(in: dir) != args {
            Issue.record("pasted into interactive bash the snippet runs differently: \(pasted.stderr)\n\(snippet)",
                         sourceLocation: sourceLocation)
        }
        return args
    }

    private static func recorded(in dir: URL) -> [String]? {
        guard let data = try? Data(contentsOf: dir.appendingPathComponent("args")) else { return nil }
        return data.split(separator: 0, omittingEmptySubsequences: false).dropLast()
            .map { String(decoding: $0, as: UTF8.self) }
    }

    private static func makeDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("curl-judge-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Runs bash with stdin and stderr in files, not pipes: a pipe's write end inherited by
    /// another test's long-lived child (the loopback server) would keep a reader waiting forever.
    private static func bash(_ arguments: [String], in dir: URL, stdin: String? = nil)
        -> (status: Int32, stderr: String) {
        let errFile = dir.appendingPathComponent("stderr"), inFile = dir.appendingPathComponent("stdin")
        guard FileManager.default.createFile(atPath: errFile.path, contents: nil),
              FileManager.default.createFile(atPath: inFile.path, contents: Data((stdin ?? "").utf8)),
              let err = try? FileHandle(forWritingTo: errFile), let input = try? FileHandle(forReadingFrom: inFile)
        else { return (-1, "cannot create the stdin/stderr files") }
        defer { try? err.close(); try? input.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = arguments
        process.currentDirectoryURL = dir
        // HOME points at a marker so an expanded `$HOME` is visible in the arguments.
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": "/EXPANDED-HOME", "LANG": "C.UTF-8",
                               "CURLCHECK_DIR": dir.path, "HISTFILE": "/dev/null"]
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = input
        do { try process.run() } catch { return (-1, "cannot run bash: \(error)") }
        process.waitUntilExit()
        let text = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
        return (process.terminationStatus, text)
    }
}
