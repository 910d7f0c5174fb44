import Foundation

/// Parsed files remembered by path and bytes, so a rebuild in watch mode parses
/// only the files that changed. A file whose bytes differ is parsed again; a file
/// that failed to parse is not remembered.
public final class LoadCache: @unchecked Sendable {
    private var entries: [String: (bytes: Data, value: Any)] = [:]
    private let lock = NSLock()

    public init() {}

    func value<T>(_ path: String, _ bytes: Data, parse: () throws -> T) rethrows -> T {
        lock.lock()
        let hit = entries[path]
        lock.unlock()
        if let hit, let value = hit.value as? T, hit.bytes == bytes { return value }
        let value = try parse()
        lock.lock()
        entries[path] = (bytes, value)
        lock.unlock()
        return value
    }

    /// What the file at `path` was last parsed into, whatever its bytes were then.
    func previous<T>(_ path: String, as type: T.Type) -> T? {
        lock.lock()
        defer { lock.unlock() }
        return entries[path]?.value as? T
    }

    /// Forgets files that are no longer in the workspace.
    func keep(only paths: Set<String>) {
        lock.lock()
        entries = entries.filter { paths.contains($0.key) }
        lock.unlock()
    }
}
