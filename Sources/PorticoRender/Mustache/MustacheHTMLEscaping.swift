/// The HTML escaping `{{name}}` applies: `& < > " '` become entities, so a value is
/// safe both in element text and inside a quoted attribute of either quote style.
enum MustacheHTMLEscaping {
    /// Appends `text` to `output`, escaped. Text with nothing to escape (the usual
    /// case) is appended in one piece.
    static func append(_ text: String, to output: inout String) {
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
        default: return nil
        }
    }
}
