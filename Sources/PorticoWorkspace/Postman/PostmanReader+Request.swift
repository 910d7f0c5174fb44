import Foundation
import PorticoModel

/// Requests, headers and saved examples.
extension PostmanReadContext {
    /// A request object, or a bare URL string (method GET). `key` names the member
    /// in messages (`request` or `originalRequest`).
    mutating func readRequest(_ node: JSONNode, key: String) -> PostmanRequest? {
        switch node.kind {
        case .null:
            return nil
        case .string(let url):
            return PostmanRequest(method: "GET", url: url.isEmpty ? nil : PostmanURLParser.parse(url))
        case .object:
            var method = string("method", in: node)?.trimmingCharacters(in: .whitespaces).uppercased() ?? ""
            if method.isEmpty { method = "GET" }
            return PostmanRequest(
                method: method,
                url: readURL(in: node),
                headers: readHeaders("header", in: node),
                body: readBody(in: node),
                auth: readAuth(in: node),
                description: description(in: node))
        default:
            reportType(key, expected: "an object or a URL string", found: node)
            return nil
        }
    }

    /// Headers as an array of `{key, value}` objects (or `"Key: value"` strings in
    /// some saved examples), or one string of `Key: value` lines.
    mutating func readHeaders(_ key: String, in object: JSONNode) -> [PostmanKeyValue] {
        guard let node = object[key] else { return [] }
        switch node.kind {
        case .null:
            return []
        case .string(let text):
            return Self.headerLines(text)
        case .array(let elements):
            return elements.flatMap { element -> [PostmanKeyValue] in
                switch element.kind {
                case .string(let line): return Self.headerLines(line)
                case .object: return [readKeyValue(element, keyAliases: ["name"])]
                default:
                    report("each header must be an object with `key` and `value`, found \(element.kindDescription)", at: element)
                    return []
                }
            }
        default:
            reportType(key, expected: "an array of headers or a string", found: node)
            return []
        }
    }

    /// `Key: value` lines; blank lines skipped, a line without a colon is a key without value.
    static func headerLines(_ text: String) -> [PostmanKeyValue] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty else { return nil }
            guard let colon = trimmed.firstIndex(of: ":") else { return PostmanKeyValue(key: trimmed, value: nil) }
            return PostmanKeyValue(key: trimmed[..<colon].trimmingCharacters(in: .whitespaces),
                                   value: trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
    }

    /// A `{key, value, description, disabled, type}` row: header, query parameter,
    /// path variable or urlencoded field. A null `value` stays nil.
    mutating func readKeyValue(_ node: JSONNode, keyAliases: [String] = []) -> PostmanKeyValue {
        var key = string("key", in: node)
        for alias in keyAliases where key == nil { key = string(alias, in: node) }
        return PostmanKeyValue(key: key ?? "", value: scalarText("value", in: node), description: description(in: node),
                               disabled: isDisabled(node), type: string("type", in: node))
    }

    /// A saved example: status, headers, body, preview language and the request that produced it.
    mutating func readResponse(_ node: JSONNode) -> PostmanResponse {
        let headers = readHeaders("header", in: node)
        let status = string("status", in: node)
        var name = string("name", in: node) ?? ""
        if name.isEmpty { name = status ?? "Example" }
        return PostmanResponse(
            name: name,
            code: responseCode(node),
            status: status,
            headers: headers,
            body: scalarText("body", in: node),
            language: string("_postman_previewlanguage", in: node).flatMap { $0.isEmpty ? nil : $0 }
                ?? Self.language(ofContentType: headers),
            originalRequest: node["originalRequest"].flatMap { readRequest($0, key: "originalRequest") })
    }

    private mutating func responseCode(_ node: JSONNode) -> Int? {
        guard let code = node["code"], !code.isNull else { return nil }
        switch code.kind {
        case .number(let text): if let value = Int(text) { return value }
        case .string(let text): if let value = Int(text.trimmingCharacters(in: .whitespaces)) { return value }
        default: break
        }
        reportType("code", expected: "an HTTP status code (an integer)", found: code)
        return nil
    }

    /// A preview language guessed from the Content-Type header, for examples saved without one.
    static func language(ofContentType headers: [PostmanKeyValue]) -> String? {
        guard let type = headers.last(where: { $0.key.lowercased() == "content-type" })?.value?.lowercased() else {
            return nil
        }
        for (needle, language) in [("json", "json"), ("xml", "xml"), ("html", "html"), ("javascript", "javascript"),
                                   ("text/", "text")] where type.contains(needle) {
            return language
        }
        return nil
    }
}
