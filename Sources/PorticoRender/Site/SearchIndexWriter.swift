import Foundation
import PorticoModel

/// The site's search index: one small script the search page loads, holding for
/// each page its title, link, kind and a short summary. Built from the partner's
/// site only; example bodies and long texts stay out so the index stays small.
enum SearchIndexWriter {
    static let summaryLength = 160

    static func script(site: PartnerSite, docPaths: [String: String]) -> String {
        var entries: [JSONValue] = []
        func add(_ title: String, _ path: String, _ kind: String, _ summary: String) {
            entries.append(.object([
                ("t", .string(title)), ("u", .string(SitePaths.percentEncode(path))), ("k", .string(kind)),
                ("s", .string(summary)),
            ]))
        }
        for c in site.collections {
            add(c.name, SitePaths.collection(c), "collection", plain(c.description))
            func walk(_ items: [SiteItem], trail: [String]) {
                for item in items {
                    switch item {
                    case .folder(let f):
                        add(f.name, SitePaths.item(f.slug, in: c), "folder", (trail + [f.name]).joined(separator: " › "))
                        walk(f.items, trail: trail + [f.name])
                    case .request(let r):
                        add(r.name, SitePaths.item(r.slug, in: c), r.method, r.url + " " + plain(r.description))
                    }
                }
            }
            walk(c.items, trail: [c.name])
        }
        for d in site.docs {
            add(d.title, docPaths[d.slug] ?? SitePaths.doc(d), "doc", plain(RichText(d.body)))
        }
        // A script, not a JSON file, so the search page also works from file://
        // where browsers refuse to fetch() local files.
        return "window.PORTICO_SEARCH = " + JSONSerializer.serialize(.array(entries), pretty: false) + ";\n"
    }

    /// The first words of a text as a reader would see them: table rules, code
    /// fences and Markdown punctuation left out, cut at a word boundary.
    static func plain(_ text: RichText?) -> String {
        guard let text else { return "" }
        var words: [Substring] = []
        var length = 0
        var inFence = false
        for line in text.text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle(); continue }
            // Table separator rows and code say little in a one-line summary.
            if inFence || trimmed.allSatisfy({ "|-: ".contains($0) }) { continue }
            for word in readerText(line).split(whereSeparator: { $0.isWhitespace || "|*_`#>[]()".contains($0) }) {
                let clean = word.trimmingCharacters(in: CharacterSet(charactersIn: "!<>{}\\"))
                guard !clean.isEmpty, clean.contains(where: { $0.isLetter || $0.isNumber }) else { continue }
                if length + clean.count > summaryLength { return words.joined(separator: " ") + " …" }
                words.append(Substring(clean))
                length += clean.count + 1
            }
        }
        return words.joined(separator: " ")
    }

    /// A line without what a reader never sees: link destinations (`](url)`),
    /// reference definitions (`[id]: url`) and HTML tags. A destination may name a
    /// page this reader's site does not hold, and the page drops that link, so the
    /// summary must not carry it either.
    static func readerText(_ line: Substring) -> String {
        let trimmed = line.drop { $0 == " " }
        if line.count - trimmed.count < 4, trimmed.hasPrefix("["),
           let close = trimmed.firstIndex(of: "]"), trimmed[close...].hasPrefix("]:") {
            return ""
        }
        var out = ""
        var rest = line[...]
        while let c = rest.first {
            if rest.hasPrefix("](") {
                // Skip to the matching `)`; destinations may hold balanced parentheses.
                var depth = 0
                var index = rest.index(after: rest.startIndex)
                while index < rest.endIndex {
                    if rest[index] == "(" { depth += 1 } else if rest[index] == ")" { depth -= 1; if depth == 0 { break } }
                    index = rest.index(after: index)
                }
                out += "] "
                rest = index < rest.endIndex ? rest[rest.index(after: index)...] : ""
            } else if c == "<", let end = rest.firstIndex(of: ">") {
                out += " "
                rest = rest[rest.index(after: end)...]
            } else {
                out.append(c)
                rest = rest.dropFirst()
            }
        }
        return out
    }
}
