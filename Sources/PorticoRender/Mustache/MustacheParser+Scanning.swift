extension MustacheParser {
    /// The bounds of a line a standalone tag removes: from the start of its
    /// indentation to the start of the next line (or the end of the source).
    struct StandaloneLine {
        let indentationStart: Int
        let nextLineStart: Int
    }

    /// Reads the tag whose open delimiter starts at `tagStart`.
    func readTag(at tagStart: Int) throws(MustacheError) -> MustacheTag {
        let sigilIndex = tagStart + delimiters.open.count
        let kind: MustacheTag.Kind
        var terminator = delimiters.close
        switch sigilIndex < bytes.count ? bytes[sigilIndex] : 0 {
        case UInt8(ascii: "{"):
            kind = .unescapedVariable
            terminator = [UInt8(ascii: "}")] + delimiters.close
        case UInt8(ascii: "&"): kind = .unescapedVariable
        case UInt8(ascii: "#"): kind = .section
        case UInt8(ascii: "^"): kind = .invertedSection
        case UInt8(ascii: "/"): kind = .sectionEnd
        case UInt8(ascii: "!"): kind = .comment
        case UInt8(ascii: ">"): kind = .partial
        case UInt8(ascii: "="):
            kind = .setDelimiters
            terminator = [UInt8(ascii: "=")] + delimiters.close
        default: kind = .escapedVariable
        }
        let contentStart = kind == .escapedVariable ? sigilIndex : sigilIndex + 1
        guard let contentEnd = firstIndex(of: terminator, from: contentStart) else {
            let opening = String(decoding: bytes[tagStart..<min(contentStart, bytes.count)], as: UTF8.self)
            throw error(at: tagStart,
                        "tag `\(opening)` is never closed; expected `\(String(decoding: terminator, as: UTF8.self))`")
        }
        let tag = MustacheTag(kind: kind, content: trimmedText(contentStart..<contentEnd),
                              start: tagStart, end: contentEnd + terminator.count)
        if kind.takesName {
            // The spec requires a single non-whitespace word. Saying so beats
            // silently printing nothing for habits from other engines
            // (`{{#each items}}`) or a stray `{{ }}`.
            if tag.content.isEmpty {
                throw error(at: tagStart, "tag `\(sourceText(of: tag))` has no name")
            }
            if tag.content.utf8.contains(where: Self.isWhitespace) {
                throw error(at: tagStart, "tag name `\(tag.content)` contains whitespace")
            }
        }
        return tag
    }

    /// The line `tag` stands alone on, or nil when anything but spaces and tabs
    /// shares the line with it (text or another tag).
    func standaloneLine(of tag: MustacheTag) -> StandaloneLine? {
        var start = tag.start
        // Stopping at `position` matters: text before it has already been emitted
        // or belongs to an earlier tag on this same line.
        while start > position, Self.isInlineSpace(bytes[start - 1]) {
            start -= 1
        }
        guard start == 0 || bytes[start - 1] == UInt8(ascii: "\n") else { return nil }
        var end = tag.end
        while end < bytes.count, Self.isInlineSpace(bytes[end]) {
            end += 1
        }
        if end == bytes.count {
            return StandaloneLine(indentationStart: start, nextLineStart: end)
        }
        if bytes[end] == UInt8(ascii: "\n") {
            return StandaloneLine(indentationStart: start, nextLineStart: end + 1)
        }
        if bytes[end] == UInt8(ascii: "\r"), end + 1 < bytes.count, bytes[end + 1] == UInt8(ascii: "\n") {
            return StandaloneLine(indentationStart: start, nextLineStart: end + 2)
        }
        return nil
    }

    /// The first offset at or after `from` where `pattern` occurs.
    func firstIndex(of pattern: [UInt8], from: Int) -> Int? {
        guard let first = pattern.first, bytes.count >= pattern.count else { return nil }
        let lastCandidate = bytes.count - pattern.count
        var index = from
        while index <= lastCandidate {
            if bytes[index] == first, matches(pattern, at: index) {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The tag exactly as written, for error messages.
    func sourceText(of tag: MustacheTag) -> String {
        String(decoding: bytes[tag.start..<tag.end], as: UTF8.self)
    }

    private func matches(_ pattern: [UInt8], at index: Int) -> Bool {
        var offset = 1
        while offset < pattern.count {
            if bytes[index + offset] != pattern[offset] { return false }
            offset += 1
        }
        return true
    }

    private func trimmedText(_ range: Range<Int>) -> String {
        var lower = range.lowerBound
        var upper = range.upperBound
        while lower < upper, Self.isWhitespace(bytes[lower]) { lower += 1 }
        while upper > lower, Self.isWhitespace(bytes[upper - 1]) { upper -= 1 }
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }

    static func isInlineSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        isInlineSpace(byte) || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            || byte == 0x0B || byte == 0x0C
    }
}
