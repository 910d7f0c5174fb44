import Foundation

/// What a reader sees of an HTML page, the way cases_check.py reads it: tags stripped,
/// script, style, template and title contents left out, comments dropped, entities decoded,
/// runs of whitespace collapsed to one space. A block-level tag separates words; an inline
/// one (`<a>`, `<code>`, `<strong>` …) does not.
enum HTMLText {
    private static let hidden: Set<String> = ["script", "style", "template", "title"]
    private static let inline: Set<String> = ["a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em",
                                              "i", "kbd", "mark", "q", "s", "samp", "small", "span", "strong",
                                              "sub", "sup", "time", "u", "var", "wbr"]

    /// The visible text of a page or fragment.
    static func visible(_ html: String) -> String {
        collapse(decodeEntities(stripTags(html)))
    }

    /// Collapses every run of whitespace to one space and trims the ends.
    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Decodes character references: the named ones an escaper writes, `&nbsp;`, and numeric ones.
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "&", let semicolon = scalars[(i + 1)..<min(scalars.count, i + 12)].firstIndex(of: ";"),
                  let decoded = reference(String(String.UnicodeScalarView(scalars[(i + 1)..<semicolon]))) else {
                out.append(scalars[i])
                i += 1
                continue
            }
            out.append(decoded)
            i = semicolon + 1
        }
        return String(out)
    }

    private static func reference(_ name: String) -> Unicode.Scalar? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{A0}"
        default:
            guard name.hasPrefix("#") else { return nil }
            let isHex = name.hasPrefix("#x") || name.hasPrefix("#X")
            guard let value = UInt32(name.dropFirst(isHex ? 2 : 1), radix: isHex ? 16 : 10) else { return nil }
            return Unicode.Scalar(value) ?? "\u{FFFD}"
        }
    }

    /// The page with its markup removed, entities still encoded.
    private static func stripTags(_ html: String) -> String {
        let bytes = Array(html.utf8)
        let count = bytes.count
        var out: [UInt8] = []
        out.reserveCapacity(count)
        var i = 0
        while i < count {
            guard bytes[i] == UInt8(ascii: "<") else {
                out.append(bytes[i])
                i += 1
                continue
            }
            if bytes[i...].starts(with: Array("<!--".utf8)) {
                i = (find(Array("-->".utf8), in: bytes, from: i + 4) ?? count - 3) + 3
                continue
            }
            var j = i + 1
            let isEnd = j < count && bytes[j] == UInt8(ascii: "/")
            if isEnd { j += 1 }
            guard j < count, isLetter(bytes[j]) || bytes[j] == UInt8(ascii: "!") else {
                out.append(bytes[i])  // a lone "<" is text
                i += 1
                continue
            }
            let nameStart = j
            while j < count, isLetter(bytes[j]) || (bytes[j] >= 0x30 && bytes[j] <= 0x39) || bytes[j] == 0x2D { j += 1 }
            let name = String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()
            var quote: UInt8?
            while j < count {
                let c = bytes[j]
                if let q = quote {
                    if c == q { quote = nil }
                } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    quote = c
                } else if c == UInt8(ascii: ">") {
                    break
                }
                j += 1
            }
            i = j + 1
            if !isEnd, hidden.contains(name) {
                i = findCaseInsensitive(Array("</\(name)".utf8), in: bytes, from: i) ?? count
                continue
            }
            if !inline.contains(name) { out.append(UInt8(ascii: " ")) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count, needle.count <= bytes.count else { return nil }
        var i = start
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    private static func findCaseInsensitive(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        let lower = { (b: UInt8) -> UInt8 in (b >= 0x41 && b <= 0x5A) ? b + 32 : b }
        guard start < bytes.count else { return nil }
        var i = start
        while i + needle.count <= bytes.count {
            if lower(bytes[i]) == needle[0],
               zip(bytes[i..<(i + needle.count)], needle).allSatisfy({ lower($0) == $1 }) { return i }
            i += 1
        }
        return nil
    }
}
