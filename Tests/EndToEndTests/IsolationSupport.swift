import Foundation

/// Looks for canary tokens in a built site the way a suspicious reader would: every
/// file's bytes raw, HTML-entity decoded, percent-decoded (leniently: a stray `%`
/// does not stop it), JSON-`\u` decoded and combinations of these, and every file
/// name; ignoring letter case, so a slugged or upper-cased token is found too.
enum IsolationScan {
    /// `path: token (what)` for every forbidden token found in the site under `root`.
    static func findings(in root: URL, forbidden: [(token: String, what: String)]) throws -> [String] {
        var out: [String] = []
        for path in DirectorySnapshot.relativePaths(under: root) {
            let text = String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
            let forms = variants(of: text).union(variants(of: path)).map { $0.lowercased() }
            for (token, what) in forbidden where forms.contains(where: { $0.contains(token.lowercased()) }) {
                out.append("\(path): \(token) (\(what))")
            }
        }
        return out
    }

    /// The tokens of `tokens` that appear nowhere in the site under `root`.
    static func missing(_ tokens: [String], in root: URL) throws -> [String] {
        var seen = Set<String>()
        for path in DirectorySnapshot.relativePaths(under: root) {
            let text = String(decoding: try Data(contentsOf: root.appendingPathComponent(path)), as: UTF8.self)
            let forms = variants(of: text).map { $0.lowercased() }
            for token in tokens where forms.contains(where: { $0.contains(token.lowercased()) }) { seen.insert(token) }
        }
        return tokens.filter { !seen.contains($0) }
    }

    /// The text and the forms a browser, a URL parser or a JSON parser would read it as.
    static func variants(of text: String) -> Set<String> {
        let html = HTMLText.decodeEntities(text)
        let percent = percentDecoded(text)
        return [text, html, percent, unescapedJSON(text), HTMLText.decodeEntities(percent), percentDecoded(html),
                unescapedJSON(html)]
    }

    /// `%XX` decoded wherever it is valid; everything else kept.
    static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
               let value = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(value)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `\uXXXX` (surrogate pairs too), `\/`, `\"` and `\\` decoded.
    static func unescapedJSON(_ text: String) -> String {
        SiteScan.unescapeJSON(text).replacingOccurrences(of: "\\/", with: "/")
            .replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
    }
}

/// The tags of an HTML page, read the way a browser tokenizes them (quoted attribute
/// values may hold `>`), to prove that no payload from the input became live markup.
enum IsolationHTML {
    struct Tag: CustomStringConvertible {
        var name: String
        var attributes: [(name: String, value: String)]
        var description: String {
            "<\(name) " + attributes.map { "\($0.name)=\"\($0.value)\"" }.joined(separator: " ") + ">"
        }
    }

    /// Every start tag, attribute values entity-decoded; comments and doctype skipped,
    /// the contents of script and style elements not read as markup.
    static func tags(_ html: String) -> [Tag] {
        let s = Array(html.unicodeScalars)
        var tags: [Tag] = []
        var i = 0
        func isNameChar(_ c: Unicode.Scalar) -> Bool {
            c.properties.isAlphabetic || ("0"..."9").contains(c) || c == "-" || c == ":" || c == "_"
        }
        func skipSpace() { while i < s.count, s[i].properties.isWhitespace || s[i] == "/" { i += 1 } }
        while i < s.count {
            guard s[i] == "<", i + 1 < s.count else { i += 1; continue }
            if s[i + 1] == "!" {
                let rest = String(String.UnicodeScalarView(s[i...].prefix(4)))
                let close = rest == "<!--" ? "-->" : ">"
                i = index(of: close, in: s, from: i + 2).map { $0 + close.unicodeScalars.count } ?? s.count
                continue
            }
            guard s[i + 1].properties.isAlphabetic else { i += 1; continue }
            i += 1
            var name = ""
            while i < s.count, isNameChar(s[i]) { name.unicodeScalars.append(s[i]); i += 1 }
            var attributes: [(String, String)] = []
            while true {
                skipSpace()
                guard i < s.count, s[i] != ">" else { break }
                var attr = ""
                while i < s.count, !s[i].properties.isWhitespace, s[i] != "=", s[i] != ">", s[i] != "/" {
                    attr.unicodeScalars.append(s[i]); i += 1
                }
                while i < s.count, s[i].properties.isWhitespace { i += 1 }
                var value = ""
                if i < s.count, s[i] == "=" {
                    i += 1
                    while i < s.count, s[i].properties.isWhitespace { i += 1 }
                    if i < s.count, s[i] == "\"" || s[i] == "'" {
                        let quote = s[i]
                        i += 1
                        while i < s.count, s[i] != quote { value.unicodeScalars.append(s[i]); i += 1 }
                        i += 1
                    } else {
                        while i < s.count, !s[i].properties.isWhitespace, s[i] != ">" { value.unicodeScalars.append(s[i]); i += 1 }
                    }
                }
                if attr.isEmpty { i += 1 } else { attributes.append((attr.lowercased(), HTMLText.decodeEntities(value))) }
            }
            i += 1
            let lower = name.lowercased()
            tags.append(Tag(name: lower, attributes: attributes))
            if lower == "script" || lower == "style" {
                i = index(of: "</\(lower)", in: s, from: i, ignoringCase: true) ?? s.count
            }
        }
        return tags
    }

    /// The theme's own scripts; anything else named script came from the input.
    static let themeScripts = ["_theme/portico.js", "search-index.js"]
    static let urlAttributes: Set<String> = ["href", "src", "action", "formaction", "xlink:href", "poster", "background",
                                             "data", "cite", "srcset", "ping", "manifest", "longdesc", "lowsrc"]
    static let forbiddenElements: Set<String> = ["iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math",
                                                 "base", "style", "link", "meta", "form", "button", "input", "textarea",
                                                 "select", "template"]

    /// What in a page could run script: `<script>` other than the theme's, event
    /// handler attributes, script URLs, and elements the theme does not use.
    static func activeContent(in html: String) -> [String] {
        var out: [String] = []
        let scriptCount = html.lowercased().components(separatedBy: "<script").count - 1
        var themeScriptCount = 0
        for tag in tags(html) {
            let themeTag = isThemeTag(tag)
            if tag.name == "script" {
                if themeTag { themeScriptCount += 1 } else { out.append("script element: \(tag)") }
            } else if forbiddenElements.contains(tag.name) && !themeTag {
                out.append("\(tag.name) element: \(tag)")
            }
            for (name, value) in tag.attributes {
                let squeezed = String(value.unicodeScalars.filter { $0.value > 0x20 && $0 != "\u{7F}" }).lowercased()
                if name.hasPrefix("on") {
                    out.append("event handler \(name): \(tag)")
                } else if name == "srcdoc" {
                    out.append("srcdoc: \(tag)")
                } else if urlAttributes.contains(name),
                          ["javascript:", "vbscript:", "data:", "livescript:"].contains(where: squeezed.hasPrefix),
                          !squeezed.hasPrefix("data:image/") || squeezed.hasPrefix("data:image/svg") {
                    out.append("script URL in \(name): \(tag)")
                } else if name == "style", squeezed.contains("javascript:") || squeezed.contains("expression(")
                            || squeezed.contains("url(") {
                    out.append("style with a URL or expression: \(tag)")
                }
            }
        }
        if scriptCount != themeScriptCount {
            out.append("`<script` appears \(scriptCount) times, \(themeScriptCount) of them the theme's")
        }
        return out
    }

    /// The theme's own head and chrome: its stylesheet, meta tags, search form and scripts.
    private static func isThemeTag(_ tag: Tag) -> Bool {
        let attrs = Dictionary(tag.attributes.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        switch tag.name {
        case "script": return tag.attributes.count == 1 && themeScripts.contains { attrs["src"]?.hasSuffix($0) == true }
        case "link": return attrs["rel"] == "stylesheet" && attrs["href"]?.hasSuffix("_theme/portico.css") == true
        case "meta": return attrs["http-equiv"] == nil
        case "form":
            return attrs["role"] == "search" && (attrs["action"] == nil || attrs["action"]?.hasSuffix("search.html") == true)
        case "input": return attrs["type"] == "search"
        case "button": return ["nav-toggle", "copy"].contains(attrs["class"] ?? "")
        default: return false
        }
    }

    private static func index(of needle: String, in s: [Unicode.Scalar], from start: Int, ignoringCase: Bool = false) -> Int? {
        let n = Array((ignoringCase ? needle.lowercased() : needle).unicodeScalars)
        guard start <= s.count - n.count else { return nil }
        for i in start...(s.count - n.count) {
            var ok = true
            for k in 0..<n.count {
                let c = ignoringCase ? Unicode.Scalar(String(s[i + k]).lowercased()) ?? s[i + k] : s[i + k]
                if c != n[k] { ok = false; break }
            }
            if ok { return i }
        }
        return nil
    }
}

/// Every file under a folder with its bytes, modification time and inode: equal
/// snapshots mean the folder was not touched at all (a rewritten file with the same
/// bytes gets a new inode or time; the publisher hard-links unchanged files instead).
struct IsolationStamps: Equatable {
    struct Stamp: Equatable {
        var bytes: Data
        var modified: Date?
        var inode: UInt64?
    }

    let files: [String: Stamp]

    init(_ root: URL) throws {
        var files: [String: Stamp] = [:]
        for path in DirectorySnapshot.relativePaths(under: root) {
            let url = root.appendingPathComponent(path)
            let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
            files[path] = Stamp(bytes: try Data(contentsOf: url), modified: attributes[.modificationDate] as? Date,
                                inode: (attributes[.systemFileNumber] as? NSNumber)?.uint64Value)
        }
        self.files = files
    }

    /// Paths added, removed, or changed in bytes, time or inode.
    func differences(from other: IsolationStamps) -> [String] {
        Set(files.keys).union(other.files.keys).filter { files[$0] != other.files[$0] }.sorted()
    }
}

/// Everything under a folder, hidden entries and symbolic links included, by relative path.
enum IsolationTree {
    static func entries(under root: URL) -> [String] {
        guard let walker = FileManager.default.enumerator(atPath: root.path) else { return [] }
        var out: [String] = []
        while let path = walker.nextObject() as? String { out.append(path) }
        return out.sorted()
    }

    /// Entries that are symbolic links.
    static func symbolicLinks(under root: URL) -> [String] {
        entries(under: root).filter { path in
            let type = (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(path).path))?[.type]
            return type as? FileAttributeType == .typeSymbolicLink
        }
    }
}
