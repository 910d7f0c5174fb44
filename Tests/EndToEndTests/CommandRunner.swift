import Foundation

/// What one finished command did: its exit status and everything it printed.
struct CommandResult: Sendable, CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String
    /// True when the runner killed the command because it ran past its time limit.
    var timedOut = false

    /// Both streams, stdout first: what a person at the terminal would read.
    var output: String { stdout + stderr }

    /// The non-empty lines of both streams.
    var lines: [String] {
        output.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.allSatisfy(\.isWhitespace) }
    }

    /// The lines in the diagnostic form `path:line:column: error: message` (spec section 9).
    var diagnostics: [String] {
        lines.filter { $0.contains(/^[^\s:][^:]*:\d+:\d+: error: \S/) }
    }

    var description: String {
        "exit \(status)\(timedOut ? " (timed out)" : "")\n"
            + "stdout: \(stdout.suffix(1500))\nstderr: \(stderr.suffix(1500))"
    }
}

/// Runs an executable with Foundation's `Process`, without blocking a thread of the
/// concurrency pool while it runs; output goes to temporary files, so a chatty command
/// can never fill a pipe and stall.
enum CommandRunner {
    /// Runs `executable` with `arguments` in `directory`; a command still running after
    /// `timeout` seconds is killed and reported with `timedOut`.
    static func run(_ executable: URL, _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String]? = nil, timeout: TimeInterval = 300) async throws -> CommandResult {
        try await ProcessSlots.shared.withSlot {
            try await runNow(executable, arguments, in: directory, environment: environment, timeout: timeout)
        }
    }

    private static func runNow(_ executable: URL, _ arguments: [String], in directory: URL?,
                               environment: [String: String]?, timeout: TimeInterval) async throws -> CommandResult {
        let logs = try Scratch.directory("run")
        defer { try? FileManager.default.removeItem(at: logs) }
        let outURL = logs.appendingPathComponent("stdout"), errURL = logs.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        defer { try? outHandle.close(); try? errHandle.close() }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        if let environment { process.environment = environment }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle

        let box = ProcessBox(process)
        let watchdog = DispatchWorkItem { box.kill() }
        let status: Int32 = try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { continuation.resume(returning: $0.terminationStatus) }
            do {
                try process.run()
                DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
        watchdog.cancel()
        return CommandResult(status: status,
                             stdout: String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self),
                             stderr: String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self),
                             timedOut: box.wasKilled)
    }

    /// Runs a program found on PATH (`python3`, `bash`) through `/usr/bin/env`.
    static func run(program: String, _ arguments: [String], in directory: URL? = nil,
                    environment: [String: String]? = nil, timeout: TimeInterval = 300) async throws -> CommandResult {
        try await run(URL(fileURLWithPath: "/usr/bin/env"), [program] + arguments, in: directory,
                      environment: environment, timeout: timeout)
    }
}

/// Lets the watchdog, on another queue, kill a process that overran its time limit.
private final class ProcessBox: @unchecked Sendable {
    private let process: Process
    private let lock = NSLock()
    private var killed = false

    init(_ process: Process) { self.process = process }

    var wasKilled: Bool { lock.withLock { killed } }

    func kill() {
        lock.withLock {
            guard process.isRunning else { return }
            killed = true
            process.terminate()
        }
    }
}
