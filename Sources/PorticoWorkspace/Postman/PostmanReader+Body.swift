import PorticoModel

/// Request bodies in Postman's five modes.
extension PostmanReadContext {
    /// The body, or nil when there is nothing to send: no body, no `mode`, a
    /// `disabled` body, or an empty raw/urlencoded/form-data body (Postman exports
    /// `{"mode": "raw", "raw": ""}` for every GET).
    mutating func readBody(in request: JSONNode) -> PostmanBody? {
        guard let body = object("body", in: request) else { return nil }
        if bool("disabled", in: body) == true { return nil }
        guard let mode = string("mode", in: body) else { return nil }
        switch mode {
        case "raw":
            let text = scalarText("raw", in: body) ?? ""
            guard !text.isEmpty else { return nil }
            return .raw(text: text, language: rawLanguage(body))
        case "urlencoded":
            let fields = objects("urlencoded", in: body, each: "a form field").map { readKeyValue($0) }
            return fields.isEmpty ? nil : .urlencoded(fields)
        case "formdata":
            let fields = objects("formdata", in: body, each: "a form field").map { readFormField($0) }
            return fields.isEmpty ? nil : .formData(fields)
        case "file":
            let file = object("file", in: body)
            return .file(source: file.flatMap { fileSource("src", in: $0) })
        case "graphql":
            guard let graphql = object("graphql", in: body) else { return .graphQL(query: "", variables: nil) }
            return .graphQL(query: string("query", in: graphql) ?? "", variables: graphQLVariables(graphql))
        default:
            report("unknown body `mode` \"\(mode)\"; Postman's modes are raw, urlencoded, formdata, file and graphql",
                   at: body["mode"] ?? body)
            return nil
        }
    }

    /// `options.raw.language` (json, xml, text, html, javascript).
    private mutating func rawLanguage(_ body: JSONNode) -> String? {
        guard let options = object("options", in: body), let raw = object("raw", in: options) else { return nil }
        return string("language", in: raw).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// A form-data field: text (`value`) or file (`src`: a path, several paths, or null).
    private mutating func readFormField(_ node: JSONNode) -> PostmanKeyValue {
        var field = readKeyValue(node)
        let source = fileSource("src", in: node)
        field.src = source
        field.contentType = string("contentType", in: node)
        if field.type == nil || field.type?.isEmpty == true { field.type = source == nil ? "text" : "file" }
        return field
    }

    /// A file path member that may be a string, an array of strings (joined with ", ") or null.
    private mutating func fileSource(_ key: String, in object: JSONNode) -> String? {
        guard let node = object[key] else { return nil }
        switch node.kind {
        case .null: return nil
        case .string(let path): return path.isEmpty ? nil : path
        case .array(let paths):
            let names = paths.compactMap { path -> String? in
                guard let name = path.string else {
                    report("each entry of `\(key)` must be a file path (a string), found \(path.kindDescription)", at: path)
                    return nil
                }
                return name.isEmpty ? nil : name
            }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        default:
            reportType(key, expected: "a file path, a list of paths or null", found: node)
            return nil
        }
    }

    /// GraphQL variables are usually a JSON string; an object is written out as pretty JSON.
    private mutating func graphQLVariables(_ graphql: JSONNode) -> String? {
        guard let node = graphql["variables"] else { return nil }
        switch node.kind {
        case .null: return nil
        case .string(let text): return text.isEmpty ? nil : text
        case .object, .array: return node.jsonText(pretty: true)
        default:
            reportType("variables", expected: "a JSON string or an object", found: node)
            return nil
        }
    }
}
