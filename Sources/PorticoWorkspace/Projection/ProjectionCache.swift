import Foundation
import PorticoModel

/// Downloads shared between audiences and builds. A collection's download depends
/// only on its source bytes and on which of its items the audience may not see, so
/// partners with the same view share one value, and a watch rebuild reuses the
/// download of every collection that did not change.
public final class ProjectionCache: @unchecked Sendable {
    struct Key: Hashable {
        var path: String
        var digest: Int
        var hidden: [String]
    }

    private var downloads: [Key: (json: JSONValue, id: Int)] = [:]
    private var nextID = 1
    private let lock = NSLock()

    public init() {}

    func download(_ key: Key, make: () -> JSONValue) -> (json: JSONValue, id: Int) {
        lock.lock()
        if let hit = downloads[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let json = make()
        lock.lock()
        defer { lock.unlock() }
        if let raced = downloads[key] { return raced }
        // Forget downloads of older versions of the same file.
        downloads = downloads.filter { $0.key.path != key.path || $0.key.digest == key.digest }
        let entry = (json, nextID)
        nextID += 1
        downloads[key] = entry
        return entry
    }
}
