import Foundation
import PorticoModel

/// The request page: method and URL, parameters, headers, auth, body, code samples
/// and saved examples.
extension PageWriter {
    /// Bodies larger than this are shown truncated on the page, with the whole text
    /// in a separate file beside it, so a page stays quick to open.
    static let inlineBodyLimit = 64 * 1024

    mutating func writeRequest(_ r: SiteRequest, entry: Entry, in c: SiteCollection, previous: SiteItem?, next: SiteItem?) {
        let path = SitePaths.item(r.slug, in: c)
        var context: [String: MustacheValue] = [
            "name": .string(r.name),
            "method": .string(r.method),
            "methodClass": .string(r.method.lowercased()),
            "url": .nonEmpty(r.url),
            "breadcrumb": breadcrumb(entry.trail, from: path, in: c),
            "description": .nonEmpty(markup.html(r.description)),
            "auth": authContext(r.auth),
            "pathVariables": parameterRows(r.pathVariables),
            "query": parameterRows(r.query),
            "headers": parameterRows(r.headers),
            "samples": .list(CodeSamples.all.map { generator in
                .object(["id": .string(generator.id), "label": .string(generator.label),
                         "code": .string(generator.sample(for: Self.sampleRequest(r)))])
            }),
            "previous": neighbour(previous, from: path, in: c),
            "next": neighbour(next, from: path, in: c),
            "download": href(path, SitePaths.collectionDownload(c)),
            "badge": badge(r.selector),
            "comments": comments(r.selector),
        ]
        context["body"] = bodyContext(r.body, page: path, slug: r.slug, in: c,
                                      contentType: r.headers.last { $0.enabled && $0.key.lowercased() == "content-type" }?.value)
        context["examples"] = .list(r.examples.enumerated().map { index, example in
            exampleContext(example, number: index + 1, page: path, slug: r.slug, in: c)
        })
        context["hasExamples"] = .bool(!r.examples.isEmpty)
        page(path, template: "request", title: r.name, context: context, section: "c/" + c.slug)
    }

    /// The request as code samples show it. A raw body too large to show inline is
    /// sent from the file written beside the page (`<slug>.body.txt`) instead of
    /// being repeated in every sample, with the content type its language implies.
    static func sampleRequest(_ r: SiteRequest) -> SiteRequest {
        guard case .raw(let text, let language)? = r.body, text.utf8.count > inlineBodyLimit else { return r }
        var copy = r
        copy.body = .file(source: r.slug + ".body.txt")
        let hasContentType = r.headers.contains { $0.enabled && $0.key.lowercased() == "content-type" }
        if !hasContentType {
            copy.headers.append(SiteParameter(key: "Content-Type", value: RawContentType.of(language)))
        }
        return copy
    }

    func parameterRows(_ rows: [SiteParameter]) -> MustacheValue {
        guard !rows.isEmpty else { return .null }
        return .object(["rows": .list(rows.map { p in
            .object([
                "key": .string(p.key),
                "value": .str(p.value),
                "hasValue": .bool(!(p.value ?? "").isEmpty),
                "description": .nonEmpty(markup.html(p.description)),
                "disabled": .bool(!p.enabled),
            ])
        })])
    }

    /// - Parameter contentType: the request's own Content-Type header, which names a
    ///   raw body's language when the collection does not (older exports).
    mutating func bodyContext(_ body: SiteBody?, page: String, slug: String, in c: SiteCollection,
                              contentType: String? = nil) -> MustacheValue {
        guard let body else { return .null }
        switch body {
        case .raw(let text, let language):
            var ctx = longText(text, file: SitePaths.item(slug, in: c).dropLast(".html".count) + ".body.txt", page: page)
            ctx["mode"] = .string("raw")
            ctx["isRaw"] = .bool(true)
            ctx["language"] = .string(language ?? RawContentType.language(of: contentType) ?? "text")
            return .object(ctx)
        case .urlencoded(let fields):
            return .object(["mode": .string("x-www-form-urlencoded"), "isFields": .bool(true),
                            "fields": parameterRows(fields)])
        case .formData(let fields):
            return .object(["mode": .string("form-data"), "isFields": .bool(true), "fields": .object(["rows": .list(fields.map { f in
                .object([
                    "key": .string(f.key),
                    "value": .str(f.isFile ? (f.source ?? "(file)") : f.value),
                    "hasValue": .bool(f.isFile || !(f.value ?? "").isEmpty),
                    "isFile": .bool(f.isFile),
                    "description": .nonEmpty(markup.html(f.description)),
                    "disabled": .bool(!f.enabled),
                ])
            })])])
        case .file(let source):
            return .object(["mode": .string("binary file"), "isFile": .bool(true), "source": .str(source ?? "a file of your choice")])
        case .graphQL(let query, let variables):
            return .object(["mode": .string("GraphQL"), "isGraphQL": .bool(true), "query": .string(query),
                            "variables": .nonEmpty(variables)])
        }
    }

    mutating func exampleContext(_ e: SiteExample, number: Int, page: String, slug: String, in c: SiteCollection) -> MustacheValue {
        var ctx: [String: MustacheValue] = [
            "name": .string(e.name.isEmpty ? "Example \(number)" : e.name),
            "code": e.code.map { .string(String($0)) } ?? .null,
            "status": .nonEmpty(e.status ?? e.code.map(HTTPStatus.reason)),
            "statusClass": .string(e.code.map { "s\($0 / 100)xx" } ?? "sunknown"),
            "headers": parameterRows(e.headers),
            "language": .string(e.language ?? RawContentType.language(of: e.headers.last {
                $0.enabled && $0.key.lowercased() == "content-type" }?.value) ?? "text"),
        ]
        if let body = e.body, !body.isEmpty {
            let file = SitePaths.item(slug, in: c).dropLast(".html".count) + ".example-\(number).txt"
            ctx["body"] = .object(longText(body, file: String(file), page: page))
        }
        return .object(ctx)
    }

    /// A text shown inline when small; otherwise its beginning, with the whole text
    /// written beside the page and linked.
    mutating func longText(_ text: String, file: some StringProtocol, page: String) -> [String: MustacheValue] {
        let utf8 = text.utf8
        guard utf8.count > Self.inlineBodyLimit else {
            return ["text": .string(text), "truncated": .bool(false)]
        }
        // Cut on a character boundary: step back over UTF-8 continuation bytes.
        let bytes = Array(utf8.prefix(Self.inlineBodyLimit + 1))
        var end = Self.inlineBodyLimit
        while end > 0 && (bytes[end] & 0xC0) == 0x80 { end -= 1 }
        let head = String(decoding: bytes[..<end], as: UTF8.self)
        files.append(OutputFile(path: String(file), text: text))
        return [
            "text": .string(head),
            "truncated": .bool(true),
            "fullHref": href(page, String(file)),
            "fullSize": .string(ByteCount.text(utf8.count)),
        ]
    }
}

/// Human-readable byte counts.
enum ByteCount {
    static func text(_ n: Int) -> String {
        if n >= 1_048_576 { return String(format: "%.1f MB", Double(n) / 1_048_576) }
        if n >= 1024 { return "\(n / 1024) KB" }
        return "\(n) bytes"
    }
}

/// The content type a raw body's language implies, as Postman sends it.
enum RawContentType {
    static func of(_ language: String?) -> String {
        switch language?.lowercased() {
        case "json", "graphql": "application/json"
        case "xml": "application/xml"
        case "html": "text/html"
        case "javascript": "application/javascript"
        default: "text/plain"
        }
    }

    /// The language a Content-Type names (`application/json; charset=utf-8`,
    /// `application/problem+json` → json), or nil.
    static func language(of contentType: String?) -> String? {
        guard let type = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased(),
              !type.isEmpty else { return nil }
        if type.hasSuffix("/json") || type.hasSuffix("+json") { return "json" }
        if type.hasSuffix("/xml") || type.hasSuffix("+xml") { return "xml" }
        if type == "text/html" { return "html" }
        if type.hasSuffix("/javascript") { return "javascript" }
        return nil
    }
}
