import PorticoModel

/// Writes the partner download: a clean Postman v2.1.0 collection built field by
/// field from the typed model (default deny — the input JSON is never copied), and
/// a Postman environment export.
///
/// What never reaches a download: `event` scripts (the model has none), disabled
/// collection/folder variables (B13), the value of `secret` variables, and literal
/// credentials in auth blocks (see `PostmanCredentialPolicy`).
public enum PostmanWriter {
    public static let collectionSchemaURL = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

    public static func collectionJSON(_ collection: PostmanCollection) -> JSONValue {
        .object([
            ("info", .object([
                ("_postman_id", collection.postmanID.map(JSONValue.string)),
                ("name", .string(collection.name)),
                ("description", description(collection.description)),
                ("schema", .string(collectionSchemaURL)),
            ])),
            ("item", .array(collection.items.map(item))),
            ("auth", collection.auth.map(auth)),
            ("variable", variables(collection.variables)),
        ])
    }

    /// An environment in Postman's export format; secret values are written blank
    /// with type `secret`, so a partner sees the key and fills in their own.
    public static func environmentJSON(name: String, values: [(key: String, value: String, isSecret: Bool)]) -> JSONValue {
        .object([
            ("name", .string(name)),
            ("values", .array(values.map { entry in
                .object([
                    ("key", .string(entry.key)),
                    ("value", .string(entry.isSecret ? "" : entry.value)),
                    ("type", .string(entry.isSecret ? "secret" : "default")),
                    ("enabled", .bool(true)),
                ])
            })),
            ("_postman_variable_scope", .string("environment")),
        ])
    }

    static func item(_ item: PostmanItem) -> JSONValue {
        switch item {
        case .folder(let folder):
            .object([
                ("name", .string(folder.name)),
                ("description", description(folder.description)),
                ("item", .array(folder.items.map(self.item))),
                ("auth", folder.auth.map(auth)),
                ("variable", variables(folder.variables)),
            ])
        case .request(let request):
            .object([
                ("name", .string(request.name)),
                ("description", description(request.description)),
                ("request", self.request(request.request)),
                ("response", .array(request.responses.map(response))),
            ])
        }
    }

    /// Markdown as a plain string (Postman's default); other formats keep their type.
    static func description(_ text: RichText?) -> JSONValue? {
        guard let text, !text.text.isEmpty else { return nil }
        switch text.format {
        case .markdown: return .string(text.text)
        case .plain: return .object([("content", .string(text.text)), ("type", .string("text/plain"))])
        case .html: return .object([("content", .string(text.text)), ("type", .string("text/html"))])
        }
    }

    /// Enabled variables only; a secret's value is blanked. The v2.1 schema knows
    /// no `secret` variable type, so it is written as `string`.
    static func variables(_ variables: [PostmanVariable]) -> JSONValue? {
        let written = variables.filter { !$0.disabled }.map { variable -> JSONValue in
            let isSecret = variable.type == "secret"
            return .object([
                ("key", .string(variable.key)),
                ("value", .string(isSecret ? "" : variable.value)),
                ("type", (isSecret ? "string" : schemaVariableType(variable.type)).map(JSONValue.string)),
            ])
        }
        return written.isEmpty ? nil : .array(written)
    }

    /// The variable types the v2.1 schema allows; anything else is left out.
    static func schemaVariableType(_ type: String?) -> String? {
        guard let type, ["string", "boolean", "any", "number"].contains(type) else { return nil }
        return type
    }
}
