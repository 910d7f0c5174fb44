import Foundation
import PorticoModel

/// Splits a URL string the way Postman does when a collection gives `url` (or the
/// whole request) as a plain string: protocol, host segments, port, path segments,
/// query rows and fragment. `{{variables}}` are opaque, so `{{scheme}}://{{host}}:{{port}}`
/// and `{{baseUrl}}/orders` split where a reader expects. `raw` keeps the text as written.
enum PostmanURLParser {
    static func parse(_ raw: String) -> PostmanURL {
        var url = PostmanURL(raw: raw)
        let text = Array(raw.utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        let open = openPositions(text)
        var rest = text[...]
        if let hash = firstIndex(of: "#", in: rest, open) {
            url.hash = nonEmpty(rest[(hash + 1)...])
            rest = rest[..<hash]
        }
        if let question = firstIndex(of: "?", in: rest, open) {
            url.query = queryRows(rest[(question + 1)...], open)
            rest = rest[..<question]
        }
        if let scheme = firstIndex(of: "://", in: rest, open),
           firstIndex(of: "/", in: rest[..<scheme], open) == nil {
            url.protocol = nonEmpty(rest[..<scheme])
            rest = rest[(scheme + 3)...]
        }
        var authority = rest
        if let slash = firstIndex(of: "/", in: rest, open) {
            authority = rest[..<slash]
            url.path = split(rest[(slash + 1)...], on: "/", open)
        }
        // Credentials in the URL (`user:pass@host`) are not part of the host.
        if let at = lastIndex(of: UInt8(ascii: "@"), in: authority, open) {
            authority = authority[(at + 1)...]
        }
        let (host, port) = splitPort(authority, open)
        url.port = port
        if !host.isEmpty {
            // An IPv6 literal is one segment; anything else splits on dots like Postman.
            url.host = host.first == UInt8(ascii: "[") ? [string(host)] : split(host, on: ".", open)
        }
        return url
    }

    /// For each byte, whether it lies inside a `{{…}}` reference (braces included).
    private static func openPositions(_ text: [UInt8]) -> [Bool] {
        var inside = [Bool](repeating: false, count: text.count)
        var depth = 0
        var i = 0
        while i < text.count {
            if i + 1 < text.count, text[i] == UInt8(ascii: "{"), text[i + 1] == UInt8(ascii: "{") {
                depth += 1
                inside[i] = true
                inside[i + 1] = true
                i += 2
                continue
            }
            if depth > 0, i + 1 < text.count, text[i] == UInt8(ascii: "}"), text[i + 1] == UInt8(ascii: "}") {
                depth -= 1
                inside[i] = true
                inside[i + 1] = true
                i += 2
                continue
            }
            inside[i] = depth > 0
            i += 1
        }
        return inside
    }

    private static func firstIndex(of needle: String, in text: ArraySlice<UInt8>, _ inside: [Bool]) -> Int? {
        let pattern = Array(needle.utf8)
        guard text.count >= pattern.count else { return nil }
        var i = text.startIndex
        while i + pattern.count <= text.endIndex {
            if !inside[i], text[i..<(i + pattern.count)].elementsEqual(pattern) { return i }
            i += 1
        }
        return nil
    }

    private static func lastIndex(of byte: UInt8, in text: ArraySlice<UInt8>, _ inside: [Bool]) -> Int? {
        text.indices.last { text[$0] == byte && !inside[$0] }
    }

    private static func split(_ text: ArraySlice<UInt8>, on separator: Character, _ inside: [Bool]) -> [String] {
        let byte = separator.asciiValue ?? 0
        var parts: [String] = []
        var start = text.startIndex
        for i in text.indices where text[i] == byte && !inside[i] {
            parts.append(string(text[start..<i]))
            start = i + 1
        }
        parts.append(string(text[start..<text.endIndex]))
        return parts
    }

    /// `host:port`, with `[::1]:8080` read as an IPv6 host and its port.
    private static func splitPort(_ authority: ArraySlice<UInt8>, _ inside: [Bool]) -> (ArraySlice<UInt8>, String?) {
        var searchFrom = authority.startIndex
        if authority.first == UInt8(ascii: "["), let close = authority.firstIndex(of: UInt8(ascii: "]")) {
            searchFrom = close
        }
        guard let colon = lastIndex(of: UInt8(ascii: ":"), in: authority[searchFrom...], inside) else {
            return (authority, nil)
        }
        return (authority[..<colon], nonEmpty(authority[(colon + 1)...]))
    }

    /// `a=1&flag&empty=` → rows; a key without `=` has a nil value.
    private static func queryRows(_ text: ArraySlice<UInt8>, _ inside: [Bool]) -> [PostmanKeyValue] {
        guard !text.isEmpty else { return [] }
        return split(text, on: "&", inside).compactMap { pair in
            guard !pair.isEmpty else { return nil }
            guard let equals = pair.firstIndex(of: "=") else { return PostmanKeyValue(key: pair, value: nil) }
            return PostmanKeyValue(key: String(pair[..<equals]), value: String(pair[pair.index(after: equals)...]))
        }
    }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    private static func nonEmpty(_ bytes: ArraySlice<UInt8>) -> String? {
        bytes.isEmpty ? nil : string(bytes)
    }
}
