import Foundation

/// Limits how many commands run at once. Swift Testing runs tests in parallel, and without a
/// limit every corpus file would start its own `portico build` together; on a 2-core CI runner
/// that only costs memory and time. The limit is the processor count, or `PORTICO_E2E_JOBS`.
actor ProcessSlots {
    static let shared = ProcessSlots(
        limit: Int(ProcessInfo.processInfo.environment["PORTICO_E2E_JOBS"] ?? "")
            ?? max(2, ProcessInfo.processInfo.activeProcessorCount))

    private let limit: Int
    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    init(limit: Int) { self.limit = max(1, limit) }

    /// Runs `body` once a slot is free, and frees the slot afterwards.
    nonisolated func withSlot<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await acquire()
        do {
            let value = try await body()
            await release()
            return value
        } catch {
            await release()
            throw error
        }
    }

    private func acquire() async {
        if running < limit {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func release() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()  // the slot passes straight to the next waiter
        }
    }
}
