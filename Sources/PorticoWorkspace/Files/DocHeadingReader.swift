/// Finds a Markdown page's first ATX heading (`# Title`), the title of a page whose
/// front matter names none. Lines inside fenced code blocks are skipped, so a shell
/// comment like `# install` in a code sample never becomes a title.
enum DocHeadingReader {
    /// The text of the first ATX heading of any level, without its `#` markers, or nil.
    static func firstHeading(in markdown: String) -> String? {
        var fence: (marker: Character, length: Int)?
        for rawLine in markdown.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            // Four spaces of indent make a code line: neither a fence nor a heading.
            guard let line = stripIndent(rawLine) else { continue }
            if let (marker, length) = fenceMarker(line) {
                if let open = fence {
                    // Only a fence of the same kind, at least as long, and with nothing after it closes.
                    if marker == open.marker, length >= open.length,
                       line.dropFirst(length).allSatisfy({ $0 == " " || $0 == "\t" }) {
                        fence = nil
                    }
                } else {
                    fence = (marker, length)
                }
                continue
            }
            if fence == nil, let heading = atxHeading(line) { return heading }
        }
        return nil
    }

    /// The line without up to three leading spaces; nil if indented further (code).
    private static func stripIndent(_ line: Substring) -> Substring? {
        let spaces = line.prefix { $0 == " " }.count
        return spaces <= 3 ? line.dropFirst(spaces) : nil
    }

    private static func fenceMarker(_ line: Substring) -> (Character, Int)? {
        guard let first = line.first, first == "`" || first == "~" else { return nil }
        let length = line.prefix { $0 == first }.count
        return length >= 3 ? (first, length) : nil
    }

    private static func atxHeading(_ line: Substring) -> String? {
        let level = line.prefix { $0 == "#" }.count
        guard (1...6).contains(level) else { return nil }
        var rest = line.dropFirst(level)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        while let last = rest.last, last == " " || last == "\t" { rest = rest.dropLast() }
        // A closing run of #'s is decoration when a space separates it from the text.
        let closing = rest.reversed().prefix { $0 == "#" }.count
        if closing > 0 {
            let beforeClosing = rest.dropLast(closing)
            if beforeClosing.isEmpty {
                rest = beforeClosing
            } else if let last = beforeClosing.last, last == " " || last == "\t" {
                rest = beforeClosing
                while let last = rest.last, last == " " || last == "\t" { rest = rest.dropLast() }
            }
        }
        let text = String(rest)
        return text.isEmpty ? nil : text
    }
}
