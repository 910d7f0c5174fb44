import Foundation

/// Computes each value at most once per test run, however many tests ask for it at the same
/// time, and hands every caller the same result: a workspace is built once, then shared by
/// all the tests that assert on it.
actor OnceCache<Value: Sendable> {
    private var tasks: [String: Task<Value, Error>] = [:]

    /// The value for `key`, made by `make` on first use.
    func value(_ key: String, make: @escaping @Sendable () async throws -> Value) async throws -> Value {
        if let task = tasks[key] { return try await task.value }
        let task = Task.detached { try await make() }
        tasks[key] = task
        return try await task.value
    }
}
