import Foundation
import PorticoModel

/// Requests, URLs, bodies, auth and saved examples in v2.1 form.
extension PostmanWriter {
    static func request(_ request: PostmanRequest) -> JSONValue {
        .object([
            ("method", .string(request.method)),
            ("header", .array(request.headers.map { keyValue($0, valueRequired: true) })),
            ("body", request.body.map(body)),
            ("url", request.url.map(url)),
            ("auth", request.auth.map(auth)),
            ("description", description(request.description)),
        ])
    }

    static func url(_ url: PostmanURL) -> JSONValue {
        .object([
            ("raw", (url.raw ?? url.assembledRaw).map(JSONValue.string)),
            ("protocol", url.protocol.map(JSONValue.string)),
            ("host", url.host.map { .array($0.map(JSONValue.string)) }),
            ("port", url.port.map(JSONValue.string)),
            ("path", url.path.map { .array($0.map(JSONValue.string)) }),
            ("query", url.query.isEmpty ? nil : .array(url.query.map { keyValue($0, valueRequired: false) })),
            ("hash", url.hash.map(JSONValue.string)),
            ("variable", url.variables.isEmpty ? nil : .array(url.variables.map(pathVariable))),
        ])
    }

    /// A header, query parameter or urlencoded field. Headers need a value in the
    /// schema; a query key without `=` keeps `"value": null`.
    static func keyValue(_ row: PostmanKeyValue, valueRequired: Bool) -> JSONValue {
        .object([
            ("key", .string(row.key)),
            ("value", row.value.map(JSONValue.string) ?? (valueRequired ? .string("") : .null)),
            ("description", description(row.description)),
            ("type", row.type.map(JSONValue.string)),
            ("disabled", row.disabled ? .bool(true) : nil),
        ])
    }

    static func pathVariable(_ row: PostmanKeyValue) -> JSONValue {
        .object([
            ("key", .string(row.key)),
            ("value", row.value.map(JSONValue.string)),
            ("description", description(row.description)),
            ("type", schemaVariableType(row.type).map(JSONValue.string)),
            ("disabled", row.disabled ? .bool(true) : nil),
        ])
    }

    static func body(_ body: PostmanBody) -> JSONValue {
        switch body {
        case .raw(let text, let language):
            .object([
                ("mode", .string("raw")),
                ("raw", .string(text)),
                ("options", language.map { .object([("raw", .object([("language", .string($0))]))]) }),
            ])
        case .urlencoded(let fields):
            .object([("mode", .string("urlencoded")),
                     ("urlencoded", .array(fields.map { keyValue($0, valueRequired: true) }))])
        case .formData(let fields):
            .object([("mode", .string("formdata")), ("formdata", .array(fields.map(formField)))])
        case .file(let source):
            .object([("mode", .string("file")), ("file", .object([("src", source.map(JSONValue.string) ?? .null)]))])
        case .graphQL(let query, let variables):
            .object([("mode", .string("graphql")),
                     ("graphql", .object([("query", .string(query)), ("variables", variables.map(JSONValue.string))]))])
        }
    }

    /// Form-data: a text field with its value, or a file field with its path(s).
    static func formField(_ field: PostmanKeyValue) -> JSONValue {
        let isFile = field.type == "file"
        let sources = field.src.map { $0.components(separatedBy: ", ") } ?? []
        return .object([
            ("key", .string(field.key)),
            ("value", field.value.map(JSONValue.string)),
            ("src", isFile ? (sources.count > 1 ? .array(sources.map(JSONValue.string)) : sources.first.map(JSONValue.string) ?? .null) : nil),
            ("type", .string(isFile ? "file" : "text")),
            ("contentType", field.contentType.map(JSONValue.string)),
            ("description", description(field.description)),
            ("disabled", field.disabled ? .bool(true) : nil),
        ])
    }

    static func response(_ response: PostmanResponse) -> JSONValue {
        .object([
            ("name", .string(response.name)),
            ("originalRequest", response.originalRequest.map(request)),
            ("status", response.status.map(JSONValue.string)),
            ("code", response.code.map { .number(String($0)) }),
            ("_postman_previewlanguage", response.language.map(JSONValue.string)),
            ("header", .array(response.headers.map { keyValue($0, valueRequired: true) })),
            ("cookie", .array([])),
            ("body", response.body.map(JSONValue.string)),
        ])
    }
}
