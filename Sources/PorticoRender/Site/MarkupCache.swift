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
