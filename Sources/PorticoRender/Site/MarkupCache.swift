import Foundation
import PorticoModel

/// Rendered and sanitised HTML of authored text, remembered by its source so a
/// description shown to twenty partners is rendered once per build. Holds only
/// text that some site being rendered already contains; keyed by the text itself.
final class MarkupCache: @unchecked Sendable {
    private var cache: [RichText: String] = [:]
    private let lock = NSLock()

    func html(_ text: RichText?) -> String {
        guard let text, !text.isEmpty else { return "" }
        lock.lock()
        if let hit = cache[text] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let html = RichTextRenderer.html(text)
        lock.lock()
        cache[text] = html
        lock.unlock()
        return html
    }
}
