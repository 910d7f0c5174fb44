import Foundation

/// A file's text in the forms a leak could hide in: as is, HTML entities decoded,
/// percent-decoded and JSON `\u` escapes decoded.
enum TextVariants {
    static func all(_ text: String) -> [String] {
        var out = [text]
        if text.contains("&") { out.append(htmlDecoded(text)) }
        if text.contains("%") { out.append(percentDecoded(text)) }
        if text.contains("\\u") || text.contains("\\/") { out.append(jsonDecoded(text)) }
        return out
    }

    static func percentDecoded(_ s: String) -> String {
        s.removingPercentEncoding ?? s
    }

    static func jsonDecoded(_ s: String) -> String {
        var out = ""
        var scalars = Array(s.unicodeScalars)[...]
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            if c == "\\", let next = scalars.first {
                if next == "u", scalars.count >= 5,
                   let v = UInt32(String(String.UnicodeScalarView(scalars.dropFirst().prefix(4))), radix: 16),
                   let u = Unicode.Scalar(v) {
                    out.unicodeScalars.append(u)
                    scalars = scalars.dropFirst(5)
                    continue
                }
                if next == "/" || next == "\"" || next == "\\" {
                    out.unicodeScalars.append(next)
                    scalars = scalars.dropFirst()
                    continue
                }
            }
            out.unicodeScalars.append(c)
        }
        return out
    }

    static func htmlDecoded(_ s: String) -> String {
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
                let entity = s[s.index(after: i)..<semi]
                if let decoded = decode(entity) {
                    out += decoded
                    i = s.index(after: semi)
                    continue
                }
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }

    private static func decode(_ entity: Substring) -> String? {
        switch entity {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{A0}"
        default:
            guard entity.hasPrefix("#") else { return nil }
            let body = entity.dropFirst()
            let value = body.hasPrefix("x") || body.hasPrefix("X") ? UInt32(body.dropFirst(), radix: 16) : UInt32(body)
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }
}
