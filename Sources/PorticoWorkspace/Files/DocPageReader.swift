import Foundation
import PorticoModel

/// Reads `docs/**/*.md` (spec section 5): front matter (title, order, visibility,
/// partners), the body, and the title with its fallbacks.
public enum DocPageReader {
    static let keys = ["title", "order", "visibility", "partners"]

    /// - Parameters:
    ///   - path: the file's path in the workspace, for diagnostics.
    ///   - slug: the page's path under docs/ without `.md`.
    /// - Throws: `DiagnosticList` with every problem found; front-matter positions
    ///   are lines of the `.md` file.
    public static func read(_ data: Data, path: String, slug: String) throws -> DocPage {
        let split: FrontMatterReader.Split
        do {
            split = try FrontMatterReader.split(data, path: path)
        } catch let diagnostic as Diagnostic {
            throw DiagnosticList([diagnostic])
        }
        let fileName = slug.split(separator: "/").last.map(String.init) ?? slug
        var page = DocPage(slug: slug, title: "", body: split.body,
                           location: SourceLocation(path: path, line: 1, column: 1))
        page.bodyLine = split.bodyLine
        var frontMatterTitle: String?
        if let yaml = split.yaml {
            let root: YAMLNode
            do {
                root = try YAMLParser.parse(yaml, path: path)
            } catch let diagnostic as Diagnostic {
                throw DiagnosticList([diagnostic])
            }
            let reader = YAMLValueReader(path: path)
            if !root.isNull, let fields = reader.fields(of: root, in: "front matter", allowed: keys) {
                frontMatterTitle = readFields(fields, into: &page, reader: reader)
            }
            try reader.throwIfNeeded()
        }
        page.title = [frontMatterTitle, DocHeadingReader.firstHeading(in: split.body)]
            .compactMap { $0?.trimmingCharacters(in: .whitespacesAndNewlines) }
            .first { !$0.isEmpty } ?? fileName
        return page
    }

    /// Fills order, visibility and partners; returns the front-matter title.
    private static func readFields(_ fields: YAMLFields, into page: inout DocPage, reader: YAMLValueReader) -> String? {
        if let node = fields.optional("order") {
            page.order = reader.number(node, named: "order")
        }
        if let node = fields.protective("visibility", reader: reader), let value = reader.string(node, named: "visibility") {
            if value.value == "internal" {
                page.isInternal = true
            } else {
                reader.error("`visibility` can only be `internal`, found `\(value.value)`; "
                    + "to show a page to some partners only, write `partners: [slug, …]`", at: node)
            }
        }
        if let node = fields.protective("partners", reader: reader) {
            page.partners = reader.stringList(node, named: "partners", of: "partner slugs, like [globex]")
        }
        return fields.optional("title").flatMap { reader.string($0, named: "title") }?.value
    }
}
