import Foundation

/// Measures the stages of one build. With `PORTICO_TIMINGS=1` in the environment
/// the durations are printed to standard error, for finding where time goes.
final class StageTimer: @unchecked Sendable {
    private var last = Date()
    private var marks: [(String, Double)] = []
    static let enabled = ProcessInfo.processInfo.environment["PORTICO_TIMINGS"] == "1"

    func mark(_ stage: String) {
        guard Self.enabled else { return }
        let now = Date()
        marks.append((stage, now.timeIntervalSince(last) * 1000))
        last = now
    }

    func report() {
        guard Self.enabled else { return }
        let line = marks.map { "\($0.0) \(String(format: "%.1f", $0.1)) ms" }.joined(separator: ", ")
        FileHandle.standardError.write(Data(("timings: " + line + "\n").utf8))
    }
}

/// Per-site lap times for `PORTICO_TIMINGS=1`.
final class SiteClock: @unchecked Sendable {
    private var last = Date()
    private var laps: [String] = []

    func lap(_ name: String) {
        guard StageTimer.enabled else { return }
        let now = Date()
        laps.append("\(name) \(String(format: "%.1f", now.timeIntervalSince(last) * 1000)) ms")
        last = now
    }

    func report(_ site: String) {
        guard StageTimer.enabled else { return }
        FileHandle.standardError.write(Data(("  \(site): " + laps.joined(separator: ", ") + "\n").utf8))
    }
}
