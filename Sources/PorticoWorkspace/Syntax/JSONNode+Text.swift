/// JSON text for a node, for values Postman allows as "any JSON" but the model keeps
/// as strings (a GraphQL variables object, a numeric variable value).
extension JSONNode {
    /// Compact, or pretty with two-space indents like Postman. Unlike PorticoModel's
    /// `JSONSerializer` this does not escape `<`, `>`, `&`: the text is data shown
    /// to people, and the renderer escapes it for HTML.
    public func jsonText(pretty: Bool) -> String {
        var out = ""
        write(into: &out, indent: pretty ? 0 : nil)
        return out
    }

    private func write(into out: inout String, indent: Int?) {
        switch kind {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): Self.writeString(s, into: &out)
        case .array(let items):
            writeContainer("[", "]", items.count, into: &out, indent: indent) { i, out, inner in
                items[i].write(into: &out, indent: inner)
            }
        case .object(let members):
            writeContainer("{", "}", members.count, into: &out, indent: indent) { i, out, inner in
                Self.writeString(members[i].key, into: &out)
                out += indent == nil ? ":" : ": "
                members[i].value.write(into: &out, indent: inner)
            }
        }
    }

    private func writeContainer(_ open: String, _ close: String, _ count: Int, into out: inout String, indent: Int?,
                                element: (Int, inout String, Int?) -> Void) {
        out += open
        guard count > 0 else { out += close; return }
        let inner = indent.map { $0 + 1 }
        for i in 0..<count {
            if i > 0 { out += "," }
            if let inner { out += "\n" + String(repeating: "  ", count: inner) }
            element(i, &out, inner)
        }
        if let indent { out += "\n" + String(repeating: "  ", count: indent) }
        out += close
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
