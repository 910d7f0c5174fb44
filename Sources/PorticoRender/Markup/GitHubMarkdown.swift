import CMarkGFM
import Foundation

/// cmark-gfm configured like GitHub: CommonMark plus tables, strikethrough,
/// autolinks and task lists. It produces *unsanitised* HTML; only
/// `MarkdownRenderer` calls it, and always sanitises the result.
enum GitHubMarkdown {
    /// Renders `markdown` (already LF-normalised, without NUL) to raw HTML, or
    /// returns nil if cmark could not allocate.
    static func unsafeHTML(_ markdown: String) -> String? {
        let extensions = Extensions.shared
        var source = markdown
        // cmark-gfm keeps its table of "special" inline characters in a process-wide
        // array and every parse switches the extensions' characters on and then off
        // again (blocks.c, process_inlines). Two parses running at once would see
        // each other's switch-off and drop strikethrough or autolinks at random, so
        // parsing is serialised. It is fast; the sanitiser runs outside the lock.
        return lock.withLock {
            source.withUTF8 { bytes in render(bytes, extensions: extensions.list) }
        }
    }

    // Raw HTML must reach the sanitiser, which is the single gate: without UNSAFE
    // cmark replaces it with a comment and blanks some links, hiding what the
    // sanitiser should judge. No footnotes: they emit ids that would collide when
    // several descriptions share a page.
    private static let options = CMARK_OPT_UNSAFE

    private static let lock = NSLock()

    private static func render(
        _ bytes: UnsafeBufferPointer<UInt8>,
        extensions: [OpaquePointer]
    ) -> String? {
        parse(bytes, extensions: extensions) { parser, document -> String? in
            guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser))
            else { return nil }
            // cmark allocated the buffer with its default allocator; give it back there.
            defer { cmark_get_default_mem_allocator().pointee.free(html) }
            return String(cString: html)
        }
    }

    /// Every Markdown link (`[text](url)`, reference links, autolinks) with the
    /// 1-based line and column where it starts. Raw HTML `<a>` tags are not links
    /// to cmark and are not listed.
    static func links(_ markdown: String) -> [MarkdownLinks.Link] {
        let extensions = Extensions.shared
        var source = markdown
        return lock.withLock {
            source.withUTF8 { bytes in
                parse(bytes, extensions: extensions.list) { _, document in
                    var links: [MarkdownLinks.Link] = []
                    guard let iterator = cmark_iter_new(document) else { return links }
                    defer { cmark_iter_free(iterator) }
                    while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
                        guard cmark_iter_get_event_type(iterator) == CMARK_EVENT_ENTER,
                              let node = cmark_iter_get_node(iterator),
                              cmark_node_get_type(node) == CMARK_NODE_LINK,
                              let url = cmark_node_get_url(node) else { continue }
                        links.append(MarkdownLinks.Link(url: String(cString: url),
                                                        line: Int(cmark_node_get_start_line(node)),
                                                        column: Int(cmark_node_get_start_column(node))))
                    }
                    return links
                } ?? []
            }
        }
    }

    /// Parses `bytes` and hands the parser and document to `body`, freeing both after.
    private static func parse<T>(
        _ bytes: UnsafeBufferPointer<UInt8>,
        extensions: [OpaquePointer],
        _ body: (OpaquePointer, OpaquePointer) -> T?
    ) -> T? {
        guard let parser = cmark_parser_new(options) else { return nil }
        defer { cmark_parser_free(parser) }
        for syntax in extensions {
            cmark_parser_attach_syntax_extension(parser, syntax)
        }
        if let base = bytes.baseAddress, !bytes.isEmpty {
            let chars = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            cmark_parser_feed(parser, chars, bytes.count)
        }
        guard let document = cmark_parser_finish(parser) else { return nil }
        defer { cmark_node_free(document) }
        return body(parser, document)
    }

    /// The GFM syntax extensions, registered once per process.
    private struct Extensions: @unchecked Sendable {
        // The pointers refer to cmark's process-wide extension registry, which is
        // never mutated after registration, so sharing them across threads is safe.
        let list: [OpaquePointer]

        // A static let is initialised exactly once even when several threads race
        // to it, which is what cmark_gfm_core_extensions_ensure_registered needs
        // (it is not itself thread-safe).
        static let shared = Extensions()

        private init() {
            cmark_gfm_core_extensions_ensure_registered()
            let names: [String] = ["table", "strikethrough", "autolink", "tasklist"]
            list = names.compactMap { cmark_find_syntax_extension($0) }
        }
    }
}
