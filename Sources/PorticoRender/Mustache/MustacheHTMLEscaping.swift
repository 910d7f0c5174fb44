/// The HTML escaping `{{name}}` applies: `& < > " '` become entities, so a value is
/// safe both in element text and inside a quoted attribute of either quote style.
enum MustacheHTMLEscaping {
    /// Appends `text` to `output`, escaped. Text with nothing to escape (the usual
    /// case) is appended in one piece.
    static func append(_ text: String, to output: inout String) {
        var text = text
        // Bidirectional overrides can make a name read as something else ("Trojan
        // Source"); no name needs them. Their UTF-8 all start with 0xE2, so most text
        // skips the scalar pass.
        if text.utf8.contains(0xE2), text.unicodeScalars.contains(where: isBidiControl) {
            var kept = String.UnicodeScalarView()
            kept.append(contentsOf: text.unicodeScalars.filter { !isBidiControl($0) })
            text = String(kept)
        }
        let bytes = text.utf8
        guard bytes.contains(where: { entity(for: $0) != nil }) else {
            output += text
            return
        }
        // Scan bytes (fast on native strings) but cut on the unicode-scalar view:
        // slicing the String itself would round to character boundaries, and a
        // combining mark after `<` makes one character of the two, which would
        // duplicate or drop text. Indices next to an ASCII byte are always scalar
        // boundaries, so the byte positions are valid scalar indices.
        let scalars = text.unicodeScalars
        var runStart = bytes.startIndex
        var index = runStart
        while index != bytes.endIndex {
            let next = bytes.index(after: index)
            if let entity = entity(for: bytes[index]) {
                output += Substring(scalars[runStart..<index])
                output += entity
                runStart = next
            }
            index = next
        }
        output += Substring(scalars[runStart..<bytes.endIndex])
    }

    private static func entity(for byte: UInt8) -> String? {
        switch byte {
        case UInt8(ascii: "&"): return "&amp;"
        case UInt8(ascii: "<"): return "&lt;"
        case UInt8(ascii: ">"): return "&gt;"
        case UInt8(ascii: "\""): return "&quot;"
        case UInt8(ascii: "'"): return "&#39;"
        // Control characters other than tab and line breaks are not allowed in HTML
        // (a NUL or BEL in a collection name): dropped.
        case 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F: return ""
        default: return nil
        }
    }

    private static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }
}
