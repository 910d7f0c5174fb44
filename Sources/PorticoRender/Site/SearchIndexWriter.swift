import Foundation
import PorticoModel

/// The site's search index: one small script the search page loads, holding for
/// each page its title, link, kind and a short summary. Built from the partner's
/// site only; example bodies and long texts stay out so the index stays small.
enum SearchIndexWriter {
    static let summaryLength = 160

    static func script(site: PartnerSite, docPaths: [String: String], previous: RenderMemo? = nil,
                       memo: RenderMemo = RenderMemo()) -> String {
        var entries: [String] = []
        // An entry's text depends only on its inputs, so in watch mode one whose inputs
        // are unchanged is taken from the last render instead of summarised again.
        func add(_ title: String, _ path: String, _ kind: String, _ prefix: String?, _ text: RichText?) {
            let key = SearchEntryKey(title: title, kind: kind, prefix: prefix, text: text)
            if let hit = previous?.search[path], hit.key == key {
                memo.search[path] = hit
                entries.append(hit.json)
                return
            }
            let summary = prefix.map { $0 + " " + plain(text) } ?? plain(text)
            let json = JSONSerializer.serialize(.object([
                ("t", .string(title)), ("u", .string(SitePaths.percentEncode(path))), ("k", .string(kind)),
                ("s", .string(summary)),
            ]), pretty: false)
            memo.search[path] = (key, json)
            entries.append(json)
        }
        for c in site.collections {
            add(c.name, SitePaths.collection(c), "collection", nil, c.description)
            func walk(_ items: [SiteItem], trail: [String]) {
                for item in items {
                    switch item {
                    case .folder(let f):
                        let summary = (trail + [f.name]).joined(separator: " › ")
                        let path = SitePaths.item(f.slug, in: c)
                        let key = SearchEntryKey(title: f.name, kind: "folder", prefix: summary, text: nil)
                        if let hit = previous?.search[path], hit.key == key {
                            memo.search[path] = hit
                            entries.append(hit.json)
                        } else {
                            let json = JSONSerializer.serialize(.object([
                                ("t", .string(f.name)), ("u", .string(SitePaths.percentEncode(path))),
                                ("k", .string("folder")), ("s", .string(summary)),
                            ]), pretty: false)
                            memo.search[path] = (key, json)
                            entries.append(json)
                        }
                        walk(f.items, trail: trail + [f.name])
                    case .request(let r):
                        add(r.name, SitePaths.item(r.slug, in: c), r.method, r.url, r.description)
                    }
                }
            }
            walk(c.items, trail: [c.name])
        }
        for d in site.docs {
            add(d.title, docPaths[d.slug] ?? SitePaths.doc(d), "doc", nil, RichText(d.body))
        }
        // A script, not a JSON file, so the search page also works from file://
        // where browsers refuse to fetch() local files. The same text as serialising
        // the array of entries compactly.
        return "window.PORTICO_SEARCH = [" + entries.joined(separator: ",") + "];\n"
    }

    /// The first words of a text as a reader would see them: table rules, code
    /// fences and Markdown punctuation left out, cut at a word boundary.
    static func plain(_ text: RichText?) -> String {
        guard let text else { return "" }
        var words: [Substring] = []
        var length = 0
        var inFence = false
        // Between paragraphs and around headings a reader sees a break; in one line of
        // summary it becomes a full stop, so "one hour" and "The token…" stay apart.
        var blockEnded = false
        func endBlock() {
            guard let last = words.last, let end = last.last, !".!?:;…".contains(end) else { return }
            words[words.count - 1] = Substring(last + ".")
        }
        for line in text.text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { inFence.toggle(); blockEnded = true; continue }
            // Table separator rows and code say little in a one-line summary.
            if inFence || trimmed.allSatisfy({ "|-: ".contains($0) }) { blockEnded = blockEnded || trimmed.isEmpty; continue }
            let isHeading = trimmed.hasPrefix("#")
            if blockEnded || isHeading { endBlock() }
            blockEnded = isHeading
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

/// The inputs of one search entry besides its path.
struct SearchEntryKey: Hashable {
    var title: String
    var kind: String
    var prefix: String?
    var text: RichText?
}
