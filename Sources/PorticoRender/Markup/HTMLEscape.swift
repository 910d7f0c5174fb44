/// Escaping of untrusted strings for the two places text can appear in HTML: element
/// content and quoted attribute values.
///
/// Besides the markup characters, both functions clean characters that must never
/// reach a page: a carriage return becomes a line feed (a CRLF pair becomes one line
/// feed), and every other C0 control character except tab and line feed is dropped,
/// as is DEL. HTML forbids those characters anyway, and stray `\r` or NUL bytes in
/// generated pages are a recurring bug in documentation generators.
public enum HTMLEscape {
    /// Escapes `&`, `<` and `>` for use as element content.
    public static func text(_ s: String) -> String {
        escape(s, quotes: false)
    }

    /// Escapes `&`, `<`, `>`, `"` and `'` for use inside a quoted attribute value
    /// (either quote style).
    public static func attribute(_ s: String) -> String {
        escape(s, quotes: true)
    }

    // Works on UTF-8 bytes: every byte we replace or drop is ASCII, so multi-byte
    // sequences pass through untouched and the result stays valid UTF-8. Most strings
    // need no change, so a first scan lets them through without copying.
    private static func escape(_ s: String, quotes: Bool) -> String {
        let utf8 = s.utf8
        guard utf8.contains(where: { needsWork($0, quotes: quotes) }) else { return s }

        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + utf8.count / 8 + 16)
        var previousWasCR = false
        for byte in utf8 {
            defer { previousWasCR = byte == 0x0D }
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: Self.amp)
            case UInt8(ascii: "<"): out.append(contentsOf: Self.lt)
            case UInt8(ascii: ">"): out.append(contentsOf: Self.gt)
            case UInt8(ascii: "\"") where quotes: out.append(contentsOf: Self.quot)
            case UInt8(ascii: "'") where quotes: out.append(contentsOf: Self.apos)
            case 0x0D: out.append(0x0A)
            case 0x0A where previousWasCR: break  // the CR already became this line feed
            case 0x09, 0x0A: out.append(byte)
            case 0x00..<0x20, 0x7F: break
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func needsWork(_ byte: UInt8, quotes: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"): true
        case UInt8(ascii: "\""), UInt8(ascii: "'"): quotes
        case 0x09, 0x0A: false
        case 0x00..<0x20, 0x7F: true
        default: false
        }
    }

    private static let amp = Array("&amp;".utf8)
    private static let lt = Array("&lt;".utf8)
    private static let gt = Array("&gt;".utf8)
    private static let quot = Array("&quot;".utf8)
    private static let apos = Array("&#39;".utf8)
}
