/// A file's bytes in the forms a leak could hide in: as is, HTML entities decoded,
/// percent-decoded and JSON `\u` escapes decoded. Works on bytes: the guard runs
/// over every file of every site, so it must cost little more than reading them.
enum TextVariants {
    static let ampersand = UInt8(ascii: "&")
    static let percent = UInt8(ascii: "%")
    static let backslash = UInt8(ascii: "\\")

    /// The decoded forms that differ from the input (the input itself not included).
    static func decoded(_ bytes: [UInt8]) -> [[UInt8]] {
        var hasAmp = false, hasPercent = false, hasBackslash = false
        for b in bytes {
            if b == ampersand { hasAmp = true } else if b == percent { hasPercent = true } else if b == backslash { hasBackslash = true }
        }
        var out: [[UInt8]] = []
        if hasAmp { out.append(htmlDecoded(bytes)) }
        if hasPercent { out.append(percentDecoded(bytes)) }
        if hasBackslash { out.append(jsonDecoded(bytes)) }
        // What a reader sees: Markdown wraps "Oskar⏎Lindqvist" and HTML may split a name
        // with a tag, but the browser shows "Oskar Lindqvist".
        let base = hasBackslash ? jsonDecoded(bytes) : bytes
        let visible = visibleText(base)
        if visible != base { out.append(visible) }
        // Entities first, then the reader's view: `Blue&nbsp;Yonder`, `Umb&shy;rella`.
        if hasAmp { out.append(visibleText(htmlDecoded(base))) }
        // Each form once: scanning one twice finds nothing new.
        var distinct: [[UInt8]] = []
        for form in out where form != bytes && !distinct.contains(form) { distinct.append(form) }
        return distinct
    }

    /// Tags removed and every run of whitespace made one space.
    static func visibleText(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        var pendingSpace = false
        func separate() {
            // Text on either side of a block tag is never one phrase ("400 Bad Request"
            // then a heading "Headers"): a byte no canary holds keeps them apart.
            out.append(0x1F)
            pendingSpace = false
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "<"), i + 1 < bytes.count, isTagStart(bytes[i + 1]),
               let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: ">")) {
                if !isInlineFormatting(bytes[(i + 1)..<close]) { separate() }
                i = close + 1
                continue
            }
            // Spaces a reader sees as spaces: ASCII ones, `+` (a space in a query
            // string), no-break spaces U+00A0 and U+202F.
            if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: "+") {
                pendingSpace = true
                i += 1
                continue
            }
            if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xA0 { pendingSpace = true; i += 2; continue }
            if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, bytes[i + 2] == 0xAF { pendingSpace = true; i += 3; continue }
            // Characters a reader does not see at all: soft hyphen, zero-width space,
            // zero-width (non-)joiners, word joiner.
            if b == 0xC2, i + 1 < bytes.count, bytes[i + 1] == 0xAD { i += 2; continue }
            if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, (0x8B...0x8D).contains(bytes[i + 2]) { i += 3; continue }
            if b == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x81, bytes[i + 2] == 0xA0 { i += 3; continue }
            if pendingSpace && !out.isEmpty { out.append(0x20) }
            pendingSpace = false
            out.append(b)
            i += 1
        }
        return out
    }

    /// Tags that format words inside a phrase (`<b>Globex</b> Corporation`); any
    /// other tag ends the phrase.
    static let inlineTags: Set<String> = ["b", "i", "em", "strong", "code", "mark", "s", "del", "ins", "u", "sub",
                                          "sup", "small", "abbr", "kbd", "q", "cite", "dfn", "var", "samp", "!--"]

    private static func isInlineFormatting(_ tag: ArraySlice<UInt8>) -> Bool {
        var name = tag.drop { $0 == UInt8(ascii: "/") }.prefix { b in
            !(b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D || b == UInt8(ascii: ">") || b == UInt8(ascii: "/"))
        }
        if name.starts(with: Array("!--".utf8)) { name = name.prefix(3) }
        return inlineTags.contains(String(decoding: name, as: UTF8.self).lowercased())
    }

    private static func isTagStart(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || b == UInt8(ascii: "/") || b == UInt8(ascii: "!")
    }

    static func percentDecoded(_ s: String) -> String {
        String(decoding: percentDecoded(Array(s.utf8)), as: UTF8.self)
    }

    static func percentDecoded(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == percent, i + 2 < bytes.count, let hi = hex(bytes[i + 1]), let lo = hex(bytes[i + 2]) {
                out.append(hi << 4 | lo)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    static func jsonDecoded(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == backslash, i + 1 < bytes.count {
                let next = bytes[i + 1]
                if next == UInt8(ascii: "u"), let v = hex4(bytes, i + 2) {
                    var scalar = v
                    var length = 6
                    // A surrogate pair spells one scalar in two escapes.
                    if (0xD800..<0xDC00).contains(v), i + 7 < bytes.count, bytes[i + 6] == backslash,
                       bytes[i + 7] == UInt8(ascii: "u"), let low = hex4(bytes, i + 8), (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00)
                        length = 12
                    }
                    out += Array(String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
                    i += length
                    continue
                }
                // A JSON string's line breaks and tabs, so the reader's view can be made of them.
                if next == UInt8(ascii: "n") || next == UInt8(ascii: "r") || next == UInt8(ascii: "t") {
                    out.append(next == UInt8(ascii: "t") ? 0x09 : 0x0A)
                    i += 2
                    continue
                }
                if next == UInt8(ascii: "/") || next == UInt8(ascii: "\"") || next == backslash {
                    out.append(next)
                    i += 2
                    continue
                }
            }
            out.append(b)
            i += 1
        }
        return out
    }

    static func htmlDecoded(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == ampersand, let (decoded, length) = entity(bytes, i) {
                out += decoded
                i += length
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return out
    }

    /// The entity starting at `start` (`&amp;`, `&#39;`, `&#x27;`): its bytes and length.
    private static func entity(_ bytes: [UInt8], _ start: Int) -> ([UInt8], Int)? {
        var end = start + 1
        while end < bytes.count, end - start <= 10, bytes[end] != UInt8(ascii: ";") { end += 1 }
        guard end < bytes.count, bytes[end] == UInt8(ascii: ";") else { return nil }
        let name = String(decoding: bytes[(start + 1)..<end], as: UTF8.self)
        let length = end - start + 1
        switch name {
        case "amp": return ([ampersand], length)
        case "lt": return ([UInt8(ascii: "<")], length)
        case "gt": return ([UInt8(ascii: ">")], length)
        case "quot": return ([UInt8(ascii: "\"")], length)
        case "apos": return ([UInt8(ascii: "'")], length)
        case "nbsp": return (Array("\u{A0}".utf8), length)
        default:
            guard name.hasPrefix("#") else { return nil }
            let body = name.dropFirst()
            let value = body.hasPrefix("x") || body.hasPrefix("X") ? UInt32(body.dropFirst(), radix: 16) : UInt32(body)
            guard let scalar = value.flatMap(Unicode.Scalar.init) else { return nil }
            return (Array(String(Character(scalar)).utf8), length)
        }
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): b - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): b - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): b - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func hex4(_ bytes: [UInt8], _ at: Int) -> UInt32? {
        guard at + 4 <= bytes.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 {
            guard let h = hex(bytes[at + k]) else { return nil }
            v = v << 4 | UInt32(h)
        }
        return v
    }
}
