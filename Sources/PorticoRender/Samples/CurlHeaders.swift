import PorticoModel

/// The `-H` options of a cURL command.
enum CurlHeaders {
    /// One `-H` option. An empty value is written `Name;`, because curl reads `Name:` as
    /// "remove this header" and would not send it.
    static func option(_ name: String, _ value: String) -> [String] {
        let value = singleLine(value)
        return ["-H", ShellQuote.quote(value.isEmpty ? name + ";" : name + ": " + value)]
    }

    /// Enabled headers with a usable name, once each by case-insensitive name (the first wins),
    /// leaving out the names in `dropping` (set by auth).
    static func enabled(_ headers: [SiteParameter], dropping: Set<String>) -> [(name: String, value: String)] {
        var seen = dropping
        var out: [(name: String, value: String)] = []
        for header in headers where header.enabled {
            let name = singleLine(header.key).trimmingSpaces
            // A name with `:` cannot be sent as that name; an empty one is not a header.
            guard !name.isEmpty, !name.contains(":"), seen.insert(name.lowercased()).inserted else { continue }
            out.append((name, header.value ?? ""))
        }
        return out
    }

    /// A header is one line: line breaks inside a value would start a second, forged header,
    /// so each run of CR/LF becomes one space.
    static func singleLine(_ s: String) -> String {
        var out = ""
        var inBreak = false
        for c in s.unicodeScalars {
            if c == "\r" || c == "\n" {
                if !inBreak { out += " " }
                inBreak = true
            } else {
                out.unicodeScalars.append(c)
                inBreak = false
            }
        }
        return out
    }
}

extension String {
    /// Without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }
}
