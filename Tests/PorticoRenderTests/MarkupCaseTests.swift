import Foundation
import PorticoModel
import Testing
@testable import PorticoRender

/// The shared regression cases that concern descriptions (B06, B08, B09), checked
/// against the descriptions alone: every description in the case's collection is
/// rendered as the site would and the case's own checks.json rules are applied to
/// the result. The full-site checks live in the end-to-end tests.
@Suite("Markup regression cases", .enabled(if: MarkupCase.directory != nil, "../shared/cases not found beside the repository; regression cases skipped"))
struct MarkupCaseTests {
    @Test("descriptions satisfy the case's checks", arguments: ["B06-description-xss", "B08-markdown-crlf", "B09-description-object"])
    func descriptionCase(_ name: String) throws {
        let markupCase = try MarkupCase(name)
        let page = markupCase.descriptions.map { RichTextRenderer.html($0) }.joined(separator: "\n")
        let text = MarkupInspection.decodeEntities(page.replacing(#/<[^>]*>/#, with: ""))
        let sources = markupCase.descriptions.map(\.text).joined(separator: "\n")

        #expect(MarkupInspection.unsafeFindings(in: page) == [], "\(page)")
        for pattern in markupCase.strings("must_not_match_files") + markupCase.strings("must_not_match_html") {
            #expect(try !matches(pattern, page), "\(pattern) matches the rendered descriptions")
        }
        for pattern in markupCase.strings("must_match_html") {
            #expect(try matches(pattern, page), "\(pattern) does not match")
        }
        for pattern in markupCase.strings("must_not_match_text") {
            #expect(try !matches(pattern, text), "\(pattern) matches the visible text")
        }
        // Strings that come from elsewhere in the collection (names, URLs, example
        // bodies) are not this renderer's business.
        for needle in markupCase.strings("must_contain") where sources.contains(needle) {
            #expect(text.contains(needle), "\(needle) is not visible")
        }
        for element in markupCase.elements {
            guard let tag = element["tag"] as? String else { continue }
            let absent = element["absent"] as? Bool ?? false
            let needles = (element["contains_all"] as? [String]) ?? [element["contains"] as? String].compactMap { $0 }
            guard absent || needles.allSatisfy(sources.contains) else { continue }
            let found = try elementTexts(tag, in: page).contains { inner in needles.allSatisfy(inner.contains) }
            #expect(found != absent, "<\(tag)> containing \(needles) should be \(absent ? "absent" : "present")")
        }
    }

    @Test("B08: every CRLF table keeps all its rows")
    func crlfTableRows() throws {
        let markupCase = try MarkupCase("B08-markdown-crlf")
        let page = markupCase.descriptions.map { RichTextRenderer.html($0) }.joined(separator: "\n")
        let tables = try elementTexts("table", in: page, raw: true)
        let rowsWithCells = { (marker: String) in
            tables.first { $0.contains(marker) }.map { $0.components(separatedBy: "<tr>").filter { $0.contains("<td") }.count }
        }
        #expect(tables.count == 3)
        #expect(rowsWithCells("MARK-B08-CELL0") == 1)
        #expect(rowsWithCells("MARK-B08-CELL1") == 3)
        #expect(rowsWithCells("MARK-B08-CELL2") == 2)
    }

    private func matches(_ pattern: String, _ subject: String) throws -> Bool {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.firstMatch(in: subject, range: NSRange(subject.startIndex..., in: subject)) != nil
    }

    // The inner text (or raw inner HTML) of every element whose name matches the
    // alternation `tag`, up to its first closing tag.
    private func elementTexts(_ tag: String, in html: String, raw: Bool = false) throws -> [String] {
        let regex = try NSRegularExpression(
            pattern: "<(\(tag))(?:\\s[^>]*)?>(.*?)</\\1>", options: [.dotMatchesLineSeparators]
        )
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).compactMap { match in
            Range(match.range(at: 2), in: html).map { range in
                let inner = String(html[range])
                return raw ? inner : MarkupInspection.decodeEntities(inner.replacing(#/<[^>]*>/#, with: ""))
            }
        }
    }
}

/// One case folder from `../shared/cases`: its checks and the collection's
/// descriptions as the workspace reader would hand them over.
struct MarkupCase {
    static let directory: URL? = {
        // Tests/PorticoRenderTests/<file> → the folder that holds the repository.
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        let cases = root.appendingPathComponent("shared/cases")
        return FileManager.default.fileExists(atPath: cases.path) ? cases : nil
    }()

    var checks: [String: Any]
    var descriptions: [RichText]

    init(_ name: String) throws {
        let folder = try #require(Self.directory).appendingPathComponent(name)
        let checks = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("checks.json")))
        let collection = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("collection.json")))
        self.checks = try #require(checks as? [String: Any])
        var found: [RichText] = []
        Self.collectDescriptions(collection, into: &found)
        descriptions = found
    }

    func strings(_ key: String) -> [String] { checks[key] as? [String] ?? [] }
    var elements: [[String: Any]] { checks["elements"] as? [[String: Any]] ?? [] }

    // A Postman description is a string (Markdown), an object {content, type} or null.
    private static func collectDescriptions(_ value: Any, into found: inout [RichText]) {
        if let array = value as? [Any] {
            for item in array { collectDescriptions(item, into: &found) }
        }
        guard let object = value as? [String: Any] else { return }
        for key in object.keys.sorted() {
            let child = object[key] as Any
            guard key == "description" else {
                collectDescriptions(child, into: &found)
                continue
            }
            if let text = child as? String {
                found.append(RichText(text, format: .markdown))
            } else if let description = child as? [String: Any], let content = description["content"] as? String {
                let format: RichText.Format = switch description["type"] as? String {
                case "text/plain": .plain
                case "text/html": .html
                default: .markdown
                }
                found.append(RichText(content, format: format))
            }
        }
    }
}
