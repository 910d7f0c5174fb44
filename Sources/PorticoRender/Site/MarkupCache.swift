import Foundation
import PorticoModel

/// Rendered and sanitised HTML of authored text, remembered by its source so a
/// description shown to twenty partners is rendered once per build. Holds only
/// text that some site being rendered already contains; keyed by the text itself.
final class MarkupCache: @unchecked Sendable {
    private struct Key: Hashable {
        var text: RichText
        var links: RelativeLinks
    }
    private var cache: [Key: String] = [:]
    private let lock = NSLock()
    /// Serialised collection downloads by download id: partners with the same view of
    /// a collection share one download value (`SiteCollection.downloadID`), and it is
    /// serialised once per build, not once per site.
    let downloads = OnceCache<Int, Data>()

    /// Descriptions from collections drop relative links (they point nowhere in
    /// the site); docs pages keep them, with `.md` links turned into pages.
    func html(_ text: RichText?, relativeLinks: RelativeLinks = .drop) -> String {
        guard let text, !text.isEmpty else { return "" }
        let key = Key(text: text, links: relativeLinks)
        lock.lock()
        if let hit = cache[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let html = RichTextRenderer.html(text, relativeLinks: relativeLinks)
        lock.lock()
        cache[key] = html
        lock.unlock()
        return html
    }
}

/// Values computed once per key even when several threads ask at the same time: the
/// first computes, the others wait for its result.
final class OnceCache<Key: Hashable, Value>: @unchecked Sendable {
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var value: Value?
    }
    private var slots: [Key: Slot] = [:]
    private let lock = NSLock()

    func value(_ key: Key, make: () -> Value) -> Value {
        lock.lock()
        let slot = slots[key] ?? Slot()
        slots[key] = slot
        lock.unlock()
        slot.lock.lock()
        defer { slot.lock.unlock() }
        if let value = slot.value { return value }
        let value = make()
        slot.value = value
        return value
    }
}
