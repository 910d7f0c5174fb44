import PorticoModel

/// Request URLs: a string, or an object whose `host` and `path` may each be a
/// string or an array.
extension PostmanReadContext {
    mutating func readURL(in request: JSONNode) -> PostmanURL? {
        guard let node = request["url"] else { return nil }
        switch node.kind {
        case .null:
            return nil
        case .string(let raw):
            // Postman writes `"url": ""` for a request whose URL was never filled in.
            return raw.isEmpty ? nil : PostmanURLParser.parse(raw)
        case .object:
            return readURLObject(node)
        default:
            reportType("url", expected: "a string or an object", found: node)
            return nil
        }
    }

    /// The object form. A part the object leaves out is taken from `raw`, so an
    /// object holding only `raw` reads like the string form.
    private mutating func readURLObject(_ node: JSONNode) -> PostmanURL {
        let raw = string("raw", in: node)
        let parsed = raw.map(PostmanURLParser.parse) ?? PostmanURL()
        var url = PostmanURL(raw: raw)
        url.protocol = node.has("protocol") ? string("protocol", in: node) : parsed.protocol
        url.host = node.has("host") ? segments("host", in: node, separator: ".") : parsed.host
        url.port = node.has("port") ? scalarText("port", in: node) : parsed.port
        url.path = node.has("path") ? segments("path", in: node, separator: "/") : parsed.path
        url.query = node.has("query")
            ? objects("query", in: node, each: "a query parameter").map { readKeyValue($0) }
            : parsed.query
        url.hash = node.has("hash") ? string("hash", in: node) : parsed.hash
        url.variables = objects("variable", in: node, each: "a path variable").map { variable in
            var row = readKeyValue(variable)
            if row.key.isEmpty, let id = string("id", in: variable) { row.key = id }
            row.value = anyText(variable["value"])
            return row
        }
        if url.protocol?.isEmpty == true { url.protocol = nil }
        if url.port?.isEmpty == true { url.port = nil }
        if url.hash?.isEmpty == true { url.hash = nil }
        return url
    }

    /// `host` or `path` as an array of segments or one string. A string host is kept
    /// whole; a string path is split on `/` (one leading `/` dropped).
    private mutating func segments(_ key: String, in object: JSONNode, separator: Character) -> [String]? {
        guard let node = object[key] else { return nil }
        switch node.kind {
        case .null:
            return nil
        case .string(let text):
            guard separator == "/" else { return [text] }
            let trimmed = text.hasPrefix("/") ? String(text.dropFirst()) : text
            return trimmed.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        case .array(let elements):
            return elements.compactMap { element in
                switch element.kind {
                case .string(let s): return s
                case .number(let n): return n
                case .object:
                    // The v2.1 schema allows a path segment as `{type, value}`.
                    return scalarText("value", in: element) ?? ""
                default:
                    report("each segment of `\(key)` must be a string, found \(element.kindDescription)", at: element)
                    return nil
                }
            }
        default:
            reportType(key, expected: "a string or an array of strings", found: node)
            return nil
        }
    }
}
