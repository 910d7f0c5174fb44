import Foundation
import Testing

/// Descriptions and bodies: cases B08 (Markdown with CRLF), B09 (description objects) and
/// B19 (raw body languages), plus every raw body of B19 and B24 shown verbatim.
@Suite("Regression cases: rendering", .enabled(if: sharedAvailable, "../shared is absent: skipped"))
struct RegressionCaseRenderingTests {
    /// The body rows (`<tr>` holding `<td>`) of the table that contains `marker`.
    private func bodyRows(ofTableWith marker: String, in site: PartnerSite) -> Int? {
        site.elements("table").first { $0.contains(marker) }.map { table in
            table.matches(of: /<tr\b[^>]*>(.*?)<\/tr>/.dotMatchesNewlines()).filter { $0.1.contains("<td") }.count
        }
    }

    @Test("B08: CRLF and LF Markdown tables render as tables with the right body rows")
    func crlfTablesRender() async throws {
        for site in try await CaseSites.build("B08").requireSites() {
            #expect(bodyRows(ofTableWith: "MARK-B08-CELL1", in: site) == 3)
            #expect(bodyRows(ofTableWith: "MARK-B08-CELL2", in: site) == 2)
            #expect(bodyRows(ofTableWith: "MARK-B08-CELL0", in: site) == 1)
            #expect(site.elements("th").contains { $0.contains("参数名称") })
        }
    }

    @Test("B08: no stray carriage return or raw table syntax, and the hard break is a <br>")
    func crlfLeavesNoTrace() async throws {
        for site in try await CaseSites.build("B08").requireSites() {
            for page in site.pages {
                #expect(!site.html[page]!.contains(/\r|&#0*13;|(?i:&#x0*d;)/), "\(page)")
                #expect(!site.text[page]!.contains(/\|\s*:?-{3,}:?\s*\|/), "\(page)")
            }
            #expect(site.html.values.contains { $0.contains(/two trailing spaces\s*<br\s*\/?>\s*next line/) })
            #expect(site.elements("ol").contains { $0.contains("Call search") && $0.contains("Call details") })
        }
    }

    @Test("B09: object descriptions render by type: Markdown as Markdown, text/plain literally")
    func descriptionObjectsRenderByType() async throws {
        for site in try await CaseSites.build("B09").requireSites() {
            #expect(site.html.values.contains { $0.contains(/<h[1-6][^>]*>Welcome<\/h[1-6]>/) })
            for literal in ["*not emphasis*", "<b>not bold</b>", "# not a heading"] {
                #expect(site.showsText(literal), "\(literal)")
            }
            for page in site.pages {
                let rendered = /<(em|i)>not emphasis|<(b|strong)>not bold|<h[1-6][^>]*># ?not a heading/
                #expect(!site.html[page]!.contains(rendered), "\(page)")
            }
        }
    }

    @Test("B09: no description object or null leaks as text, and parameter notes sit in their rows")
    func descriptionObjectsDoNotLeak() async throws {
        for site in try await CaseSites.build("B09").requireSites() {
            for page in site.pages {
                let leaked = /\[object Object\]|map\[|\{content|"content":|Optional\(|\bnil\b|\bnull\b/
                #expect(!site.text[page]!.contains(leaked), "\(page)")
            }
            let rows = site.elements("tr")
            #expect(rows.contains { $0.contains("X-Region") && $0.contains("MARK-B09-HEADER") })
            #expect(rows.contains { $0.contains("limit") && $0.contains("MARK-B09-QUERY") })
        }
    }

    @Test("B19: an HTML body is shown as text, never rendered")
    func htmlBodyIsEscaped() async throws {
        for site in try await CaseSites.build("B19").requireSites() {
            #expect(site.html.values.contains { $0.contains("&amp;amp;") }, "the XML's &amp; must be escaped again")
            #expect(!site.elements("h1").contains { $0.contains("MARK-B19-HTML") })
            #expect(!site.html.values.contains { $0.contains(/<script[^>]*>[^<]*B19-html-body/) })
        }
    }

    @Test("every raw body is shown verbatim in a code block labelled with its language", arguments: ["B19", "B24"])
    func rawBodiesAreVerbatim(_ id: String) async throws {
        let build = try await CaseSites.build(id)
        let source = try PostmanJSON.parse(contentsOf: build.input("collection.json"))
        let collection = try #require(source as? [String: Any])
        let bodies = RawBody.all(in: collection)
        try #require(!bodies.isEmpty)
        for site in try build.requireSites() {
            for body in bodies {
                let page = try #require(site.page(titled: body.request), "no page for \(body.request)")
                let blocks = site.codeBlocks(on: page)
                let shown = blocks.first { $0.text.normalisingNewlines.contains(body.text.normalisingNewlines) }
                #expect(shown != nil, "\(body.request): body not shown verbatim; blocks: \(blocks.map(\.text))")
                if let language = body.language, let shown {
                    #expect(shown.language == language, "\(body.request): labelled \(shown.language ?? "nothing")")
                }
            }
        }
    }
}

/// A raw request body of a source collection: the request's name, its text and language.
struct RawBody {
    var request: String
    var text: String
    var language: String?

    static func all(in collection: [String: Any]) -> [RawBody] {
        func walk(_ items: Any?) -> [RawBody] {
            ((items as? [[String: Any]]) ?? []).flatMap { item -> [RawBody] in
                var found = walk(item["item"])
                if let request = item["request"] as? [String: Any], let body = request["body"] as? [String: Any],
                   body["mode"] as? String == "raw", let text = body["raw"] as? String,
                   let name = item["name"] as? String {
                    let options = (body["options"] as? [String: Any])?["raw"] as? [String: Any]
                    found.insert(RawBody(request: name, text: text, language: options?["language"] as? String), at: 0)
                }
                return found
            }
        }
        return walk(collection["item"])
    }
}

extension String {
    /// CR LF and lone CR as LF, the way an HTML parser reads them.
    var normalisingNewlines: String {
        replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }
}
