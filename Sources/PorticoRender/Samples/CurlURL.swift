/// The URL argument of a cURL command: made safe for curl without changing what it asks for.
enum CurlURL {
    /// Percent-encodes what curl would reject or a reader could not see (spaces, control and
    /// invisible characters), byte by byte in UTF-8. Everything else is kept, including existing
    /// `%XX` escapes (never encoded twice) and `{{variable}}` braces a partner must fill in.
    static func encode(_ url: String) -> String {
        var out = ""
        for c in url.unicodeScalars {
            if c.value <= 0x20 || ShellQuote.needsEscape(c) || c.properties.generalCategory == .spaceSeparator {
                for byte in String(c).utf8 { out += "%" + ShellQuote.hex2(byte) }
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Adds `key=value` pairs (auth sent in the query) before any `#fragment`.
    static func appendingQuery(_ pairs: [(String, String)], to url: String) -> String {
        guard !pairs.isEmpty, !url.isEmpty else { return url }
        var base = Substring(url), fragment = Substring("")
        if let hash = url.firstIndex(of: "#") {
            base = url[..<hash]
            fragment = url[hash...]
        }
        let query = pairs.map { component($0.0, isKey: true) + "=" + component($0.1, isKey: false) }
            .joined(separator: "&")
        let separator: String
        if !base.contains("?") {
            separator = "?"
        } else if base.hasSuffix("?") || base.hasSuffix("&") {
            separator = ""
        } else {
            separator = "&"
        }
        return String(base) + separator + query + String(fragment)
    }

    /// Encodes only what would change the query's structure (`&`, `#`, `+`, `=` in a key, a `%`
    /// that starts no escape) so a `{{token}}` placeholder stays readable.
    static func component(_ s: String, isKey: Bool) -> String {
        let scalars = Array(s.unicodeScalars)
        var out = ""
        for (i, c) in scalars.enumerated() {
            let isEscape = c == "%" && i + 2 < scalars.count && isHex(scalars[i + 1]) && isHex(scalars[i + 2])
            let structural = "&#+".unicodeScalars.contains(c) || (isKey && c == "=") || (c == "%" && !isEscape)
            if structural || c.value <= 0x20 || ShellQuote.needsEscape(c) {
                for byte in String(c).utf8 { out += "%" + ShellQuote.hex2(byte) }
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    static func isHex(_ c: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c)
    }

    /// curl treats `[]` and `{}` as glob patterns unless told not to.
    static func needsGlobOff(_ url: String) -> Bool {
        url.contains { "[]{}".contains($0) }
    }
}
