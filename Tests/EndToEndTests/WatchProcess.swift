import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A long-running `portico` child (`watch`, `serve`) that a test talks to while it runs:
/// its output is collected into files and can be read at any moment, it can be sent
/// SIGINT like a Ctrl-C, and every wait on it is bounded. `stop()` (call it in a `defer`)
/// kills it if it is still running, so a failing test never leaves a server behind.
final class WatchProcess: @unchecked Sendable {
    /// How the child ended.
    struct Exit: Sendable, CustomStringConvertible {
        var status: Int32
        /// True when a signal killed it (then `status` is the signal number).
        var bySignal: Bool
        var description: String { bySignal ? "killed by signal \(status)" : "exit \(status)" }
    }

    private let process = Process()
    private let logs: URL
    private let outURL: URL, errURL: URL
    private let outHandle: FileHandle, errHandle: FileHandle

    /// Starts `portico` with `arguments` in `directory`.
    init(_ arguments: [String], in directory: URL? = nil) throws {
        logs = try Scratch.directory("child")
        outURL = logs.appendingPathComponent("stdout")
        errURL = logs.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        outHandle = try FileHandle(forWritingTo: outURL)
        errHandle = try FileHandle(forWritingTo: errURL)

        process.executableURL = try PorticoBinary.url()
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = outHandle
        process.standardError = errHandle
        try process.run()
    }

    deinit {
        stop()
        try? outHandle.close()
        try? errHandle.close()
        Scratch.remove(logs)
    }

    var isRunning: Bool { process.isRunning }

    /// Everything the child printed to standard output so far.
    var stdout: String { String(decoding: (try? Data(contentsOf: outURL)) ?? Data(), as: UTF8.self) }

    /// Everything the child printed to standard error so far.
    var stderr: String { String(decoding: (try? Data(contentsOf: errURL)) ?? Data(), as: UTF8.self) }

    /// The summary lines `portico watch` prints after each published build (`built 3 sites, …`).
    var buildLines: [String] {
        stdout.split(whereSeparator: \.isNewline).map(String.init).filter { $0.hasPrefix("built ") }
    }

    /// Both streams, for failure messages.
    var transcript: String {
        "stdout:\n\(stdout.suffix(2000))\nstderr:\n\(stderr.suffix(2000))"
    }

    /// Sends SIGINT, as Ctrl-C in a terminal would.
    func interrupt() {
        if process.isRunning { kill(process.processIdentifier, SIGINT) }
    }

    /// Waits up to `timeout` seconds for the child to end; nil if it is still running.
    func waitForExit(timeout: TimeInterval) async -> Exit? {
        guard await Self.poll(timeout: timeout, { !self.process.isRunning }) else { return nil }
        return Exit(status: process.terminationStatus, bySignal: process.terminationReason == .uncaughtSignal)
    }

    /// Sends SIGINT and waits up to `timeout` seconds for the child to end.
    func interruptAndWait(timeout: TimeInterval = 5) async -> Exit? {
        interrupt()
        return await waitForExit(timeout: timeout)
    }

    /// Kills the child with SIGKILL if it still runs and waits (at most 5 s) for it to go.
    /// Synchronous, for `defer`.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning && Date() < deadline { usleep(10_000) }
    }

    /// Waits up to `timeout` seconds until standard output satisfies `condition`.
    func waitForStdout(timeout: TimeInterval = 10, _ condition: @escaping @Sendable (String) -> Bool) async -> Bool {
        await until(timeout: timeout) { condition(self.stdout) }
    }

    /// Waits up to `timeout` seconds until standard error satisfies `condition`.
    func waitForStderr(timeout: TimeInterval = 10, _ condition: @escaping @Sendable (String) -> Bool) async -> Bool {
        await until(timeout: timeout) { condition(self.stderr) }
    }

    /// Waits up to `timeout` seconds until at least `count` builds were published.
    func waitForBuilds(_ count: Int, timeout: TimeInterval = 10) async -> Bool {
        await until(timeout: timeout) { self.buildLines.count >= count }
    }

    /// Checks `condition` every `interval` seconds until it holds or `timeout` seconds have
    /// passed; returns whether it held. Gives up early once the child has ended.
    func until(timeout: TimeInterval = 10, interval: TimeInterval = 0.02,
               _ condition: @escaping @Sendable () -> Bool) async -> Bool {
        await Self.poll(timeout: timeout, interval: interval, giveUp: { !self.process.isRunning }, condition)
    }

    /// Checks `condition` every `interval` seconds until it holds or `timeout` seconds have
    /// passed, or `giveUp` says waiting longer is pointless (after one last check).
    static func poll(timeout: TimeInterval, interval: TimeInterval = 0.02,
                     giveUp: @escaping @Sendable () -> Bool = { false },
                     _ condition: @escaping @Sendable () -> Bool) async -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let stopping = giveUp()
            if condition() { return true }
            if stopping || Date() >= deadline { return false }
            try? await Task.sleep(nanoseconds: UInt64(interval * 1_000_000_000))
        }
    }
}
