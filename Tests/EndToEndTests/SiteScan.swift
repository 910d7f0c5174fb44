import Foundation

/// Looks for a string everywhere in a built site the way leakscan.py does: in every file's
/// bytes read raw, HTML-entity decoded, percent-decoded and JSON-`\u` decoded, and in every
/// file name, so an escaped leak is still a leak.
enum SiteScan {
    /// The files of `site` (relative paths) whose name or contents hold `needle`.
    static func files(of site: PartnerSite, containing needle: String, ignoringCase: Bool = false) throws -> [String] {
        let needle = ignoringCase ? needle.lowercased() : needle
        return try site.files.filter { path in
            let text = String(decoding: try site.data(path), as: UTF8.self)
            return variants(of: path).union(variants(of: text)).contains {
                (ignoringCase ? $0.lowercased() : $0).contains(needle)
            }
        }
    }

    /// The text read the ways a browser, a URL parser or a JSON parser would.
    static func variants(of text: String) -> Set<String> {
        var out: Set<String> = [text, HTMLText.decodeEntities(text), unescapeJSON(text)]
        if let decoded = text.removingPercentEncoding { out.insert(decoded) }
        for variant in Array(out) { out.insert(HTMLText.decodeEntities(variant.removingPercentEncoding ?? variant)) }
        return out
    }

    /// Decodes `\uXXXX` escapes (surrogate pairs included); everything else is left as it is.
    static func unescapeJSON(_ text: String) -> String {
        guard text.contains("\\u") else { return text }
        var units: [UInt16] = []
        let source = Array(text.utf16)
        var i = 0
        while i < source.count {
            if source[i] == 0x5C, i + 5 < source.count, source[i + 1] == 0x75,
               let value = UInt16(String(decoding: source[(i + 2)..<(i + 6)], as: UTF16.self), radix: 16) {
                units.append(value)
                i += 6
            } else {
                units.append(source[i])
                i += 1
            }
        }
        return String(decoding: units, as: UTF16.self)
    }
}
