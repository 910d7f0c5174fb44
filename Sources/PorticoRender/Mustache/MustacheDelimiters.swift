/// The current tag delimiters (`{{` and `}}` until a `{{=<% %>=}}` tag changes
/// them), kept as UTF-8 bytes because the parser scans bytes.
struct MustacheDelimiters: Sendable {
    let open: [UInt8]
    let close: [UInt8]

    static let standard = MustacheDelimiters(open: Array("{{".utf8), close: Array("}}".utf8))

    /// Reads the inside of a set-delimiter tag, e.g. `<% %>` from `{{=<% %>=}}`.
    /// Returns nil unless it is exactly two non-empty delimiters separated by
    /// whitespace, none containing whitespace or `=` (the spec's rule, and what keeps
    /// a later `=` tag parseable).
    init?(setDelimiterContent content: String) {
        let parts = content.split(whereSeparator: { $0.isWhitespace })
        guard parts.count == 2 else { return nil }
        guard !parts.contains(where: { $0.contains("=") }) else { return nil }
        self.init(open: Array(parts[0].utf8), close: Array(parts[1].utf8))
    }

    private init(open: [UInt8], close: [UInt8]) {
        self.open = open
        self.close = close
    }
}
