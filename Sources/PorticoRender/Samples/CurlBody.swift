import PorticoModel

/// What a request body adds to a cURL command.
struct CurlBodyParts {
    /// Option lines, each a list of already-quoted words; empty when nothing is sent.
    var options: [[String]] = []
    /// The Content-Type to add when the request sets none (nil: curl's own default is right).
    var defaultContentType: String?
}

/// Turns a request body into cURL options that send exactly its bytes.
enum CurlBody {
    /// Shown instead of a file path the collection does not give.
    static let filePlaceholder = "path-to-file"

    static func parts(for body: SiteBody?) -> CurlBodyParts {
        switch body {
        case nil:
            return CurlBodyParts()
        case .raw(let text, let language)?:
            guard !text.isEmpty else { return CurlBodyParts() }
            // --data-raw sends the text as is: no `@file` reading, no stripping of line breaks.
            return CurlBodyParts(options: [["--data-raw", ShellQuote.quote(text)]],
                                 defaultContentType: contentType(forLanguage: language))
        case .urlencoded(let fields)?:
            return CurlBodyParts(options: fields.filter(\.enabled).map(urlencodedOption))
        case .formData(let fields)?:
            return CurlBodyParts(options: fields.filter(\.enabled).map(formOption))
        case .file(let source)?:
            return CurlBodyParts(options: [["--data-binary", ShellQuote.quote("@" + fileName(source))]],
                                 defaultContentType: "application/octet-stream")
        case .graphQL(let query, let variables)?:
            let vars = (variables ?? "").trimmingWhitespace
            guard !query.isEmpty || !vars.isEmpty else { return CurlBodyParts() }
            // The variables are embedded as written: they are JSON, or become JSON once the
            // partner fills in a `{{placeholder}}`.
            let json = "{\"query\":" + jsonString(query) + (vars.isEmpty ? "" : ",\"variables\":" + vars) + "}"
            return CurlBodyParts(options: [["--data-raw", ShellQuote.quote(json)]],
                                 defaultContentType: "application/json")
        }
    }

    /// Postman's raw language to a media type; no or an unknown language is plain text.
    static func contentType(forLanguage language: String?) -> String {
        switch language?.lowercased() {
        case "json", "graphql": return "application/json"
        case "xml": return "application/xml"
        case "html": return "text/html"
        case "javascript": return "application/javascript"
        default: return "text/plain"
        }
    }

    /// curl encodes the value of `name=value` but sends the name as written, so the name is
    /// encoded here; an empty name would make curl drop the `=`, so that field is sent pre-encoded.
    private static func urlencodedOption(_ field: SiteParameter) -> [String] {
        let value = field.value ?? ""
        if field.key.isEmpty { return ["--data-raw", ShellQuote.quote("=" + formEncode(value))] }
        return ["--data-urlencode", ShellQuote.quote(formEncode(field.key) + "=" + value)]
    }

    /// Percent-encodes all but the unreserved characters, as curl does for the value.
    static func formEncode(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            let c = Unicode.Scalar(byte)
            if byte < 0x80 && (c.properties.isAlphabetic || ("0"..."9").contains(c) || "-._~".unicodeScalars.contains(c)) {
                out.unicodeScalars.append(c)
            } else {
                out += "%" + ShellQuote.hex2(byte)
            }
        }
        return out
    }

    private static func formOption(_ field: SiteFormField) -> [String] {
        let type = field.contentType.map(\.trimmingWhitespace).flatMap { $0.isEmpty ? nil : ";type=" + $0 } ?? ""
        if field.isFile {
            return ["-F", ShellQuote.quote(field.key + "=@" + formFileName(fileName(field.source)) + type)]
        }
        let value = field.value ?? ""
        // -F reads a leading `@`/`<` as a file, a leading `"` as quoting and `;type=` as options;
        // --form-string sends such a value literally.
        let literal = value.hasPrefix("@") || value.hasPrefix("<") || value.hasPrefix("\"") || value.contains(";")
        if literal { return ["--form-string", ShellQuote.quote(field.key + "=" + value)] }
        return ["-F", ShellQuote.quote(field.key + "=" + value + type)]
    }

    /// Only the file's name: the folder it had on the author's machine means nothing to a
    /// partner (and is the author's private path).
    static func fileName(_ source: String?) -> String {
        let parts = (source ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" })
        let name = parts.last.map(String.init)?.trimmingWhitespace ?? ""
        return name.isEmpty ? filePlaceholder : name
    }

    /// curl's -F file syntax ends the name at `;` or `,`; such names go in curl's double quotes.
    private static func formFileName(_ name: String) -> String {
        guard name.contains(where: { ";,\"\\".contains($0) }) || name.hasPrefix(" ") || name.hasSuffix(" ") else {
            return name
        }
        var out = "\""
        for c in name {
            if c == "\"" || c == "\\" { out += "\\" }
            out.append(c)
        }
        return out + "\""
    }

    /// A JSON string literal; only what JSON requires is escaped, so the text stays readable.
    static func jsonString(_ s: String) -> String {
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if c.value < 0x20 {
                    out += "\\u00" + ShellQuote.hex2(UInt8(c.value))
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "\""
    }
}

extension String {
    /// Without leading and trailing whitespace and line breaks.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
