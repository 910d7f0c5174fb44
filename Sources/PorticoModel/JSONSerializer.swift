/// Writes a `JSONValue` as text. Pretty output uses two-space indents like Postman's
/// own exports. `<`, `>` and `&` are escaped as `\u003c` etc. so the text is also
/// safe inside an HTML `<script>` element.
public enum JSONSerializer {
    public static func serialize(_ value: JSONValue, pretty: Bool = true) -> String {
        var out = ""
        write(value, into: &out, indent: pretty ? 0 : nil)
        if pretty { out += "\n" }
        return out
    }

    private static func write(_ value: JSONValue, into out: inout String, indent: Int?) {
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): writeString(s, into: &out)
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent.map { $0 + 1 })
                write(item, into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out += "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{"
            for (i, member) in members.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent.map { $0 + 1 })
                writeString(member.key, into: &out)
                out += indent == nil ? ":" : ": "
                write(member.value, into: &out, indent: indent.map { $0 + 1 })
            }
            newline(&out, indent)
            out += "}"
        }
    }

    private static let indents = (0..<32).map { String(repeating: "  ", count: $0) }

    private static func newline(_ out: inout String, _ indent: Int?) {
        guard let indent else { return }
        out += "\n"
        out += indent < indents.count ? indents[indent] : String(repeating: "  ", count: indent)
    }

    /// Escapes what JSON requires and what an HTML `<script>` needs; runs of bytes
    /// needing nothing are copied whole (every escaped character is ASCII or starts a
    /// UTF-8 sequence, so the runs end on character boundaries).
    public static func writeString(_ s: String, into out: inout String) {
        out += "\""
        let utf8 = s.utf8
        var run = utf8.startIndex
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let b = utf8[i]
            let escape: String
            var next = utf8.index(after: i)
            switch b {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x3C: escape = "\\u003c"
            case 0x3E: escape = "\\u003e"
            case 0x26: escape = "\\u0026"
            case 0xE2:
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                guard next != utf8.endIndex, utf8[next] == 0x80 else { i = next; continue }
                let third = utf8.index(after: next)
                guard third != utf8.endIndex, utf8[third] == 0xA8 || utf8[third] == 0xA9 else { i = next; continue }
                escape = utf8[third] == 0xA8 ? "\\u2028" : "\\u2029"
                next = utf8.index(after: third)
            default:
                guard b < 0x20 else { i = next; continue }
                let hex = String(b, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            }
            if run != i { out += s[run..<i] }
            out += escape
            i = next
            run = next
        }
        if run != utf8.endIndex { out += s[run..<utf8.endIndex] }
        out += "\""
    }

    public static func quoted(_ s: String) -> String {
        var out = ""
        writeString(s, into: &out)
        return out
    }
}
