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
    /// Download ids are unique in the process, not just in one cache: a renderer may
    /// share serialised downloads by id between sites projected with different caches.
    nonisolated(unsafe) private static var lastID = 0
    private static let idLock = NSLock()
    private static func newID() -> Int {
        idLock.lock()
        defer { idLock.unlock() }
        lastID += 1
        return lastID
    }
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
        let entry = (json, Self.newID())
        downloads[key] = entry
        return entry
    }

    private var requestMemos: [Audience: RequestMemo] = [:]

    /// The request projections remembered for one audience (watch mode): one audience
    /// is projected by one thread at a time, so the memo itself needs no lock.
    func requests(for audience: Audience) -> RequestMemo {
        lock.lock()
        defer { lock.unlock() }
        if let memo = requestMemos[audience] { return memo }
        let memo = RequestMemo()
        requestMemos[audience] = memo
        return memo
    }
}

/// One audience's projected requests from its last projection, by collection file and
/// selector. A request's projection depends only on the request item, its slug and
/// selector, the auth levels above it and the variables in scope, so when all of
/// these are equal the last `SiteRequest` is reused as it is, and later equality
/// checks on it (the page memo) are cheap. Only the entries the latest projection
/// used are kept.
final class RequestMemo: @unchecked Sendable {
    struct Entry {
        var item: PostmanRequestItem
        var slug: String
        var authLevels: [AuthProjection.Level]
        var values: [String: String]
        var site: SiteRequest
    }

    private var previous: [String: Entry] = [:]
    private var current: [String: Entry] = [:]

    /// Starts a new projection: what the last one used becomes what may be reused.
    func begin() {
        if !current.isEmpty { previous = current }
        current = [:]
    }

    func site(for item: PostmanRequestItem, file: String, slug: String, selector: String,
              authLevels: [AuthProjection.Level], values: [String: String], make: () -> SiteRequest) -> SiteRequest {
        let key = file + "\u{0}" + selector
        if let hit = previous[key], hit.slug == slug, hit.item == item, hit.values == values, hit.authLevels == authLevels {
            current[key] = hit
            return hit.site
        }
        let site = make()
        current[key] = Entry(item: item, slug: slug, authLevels: authLevels, values: values, site: site)
        return site
    }
}
