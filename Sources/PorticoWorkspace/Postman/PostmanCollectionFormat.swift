import PorticoModel

/// Recognises what a JSON file in `collections/` is before it is read: a v2.0 or
/// v2.1 collection (possibly inside the Postman API's `{"collection": …}` wrapper),
/// or something else, which gets one clear error instead of a pile of type errors
/// or — worse — an empty collection.
struct PostmanCollectionFormat {
    /// The collection object (the wrapper removed).
    var root: JSONNode
    var info: JSONNode
    /// "2.0.0" or "2.1.0".
    var schemaVersion: String

    static let v1Message = "this is a Postman Collection v1 file; Portico reads v2.0 and v2.1 — re-export it from Postman as Collection v2.1"

    static func detect(_ document: JSONNode, path: String) throws(Diagnostic) -> PostmanCollectionFormat {
        guard document.members != nil else {
            throw .error("this is not a Postman collection: expected a JSON object with `info` and `item`, found \(document.kindDescription)",
                         at: document.location(in: path))
        }
        var root = document
        if !document.has("info"), let wrapped = document["collection"], wrapped.members != nil {
            root = wrapped
        }
        // OpenAPI documents have an `info` object too; say what they are before reading it.
        guard let info = root["info"], !root.has("openapi"), !root.has("swagger") else {
            throw identifyOther(document, path: path)
        }
        guard info.members != nil else {
            throw .error("`info` must be an object with the collection's `name` and `schema`, found \(info.kindDescription)",
                         at: info.location(in: path))
        }
        let version = try schemaVersion(info, path: path)
        return PostmanCollectionFormat(root: root, info: info, schemaVersion: version)
    }

    /// "2.0.0" or "2.1.0" from `info.schema`; a file without one is read as v2.1.
    private static func schemaVersion(_ info: JSONNode, path: String) throws(Diagnostic) -> String {
        guard let node = info["schema"], !node.isNull else { return "2.1.0" }
        guard let schema = node.string else {
            throw .error("`schema` must be the collection schema URL (a string), found \(node.kindDescription)",
                         at: node.location(in: path))
        }
        if schema.contains("/v2.1.") || schema.hasSuffix("/v2.1") { return "2.1.0" }
        if schema.contains("/v2.0.") || schema.hasSuffix("/v2.0") { return "2.0.0" }
        if schema.contains("/v1") { throw .error(v1Message, at: node.location(in: path)) }
        throw .error("unsupported Postman collection schema \"\(schema)\"; Portico reads v2.0.0 and v2.1.0 — re-export it from Postman as Collection v2.1",
                     at: node.location(in: path))
    }

    /// The error for a JSON object that has no `info`: say what the file is.
    private static func identifyOther(_ document: JSONNode, path: String) -> Diagnostic {
        let here = document.location(in: path)
        let file = path.split(separator: "/").last.map(String.init) ?? path
        if ["requests", "order", "folders", "folders_order"].contains(where: document.has) {
            return .error(v1Message, at: here)
        }
        let scope = document["_postman_variable_scope"]?.string
        if scope == "globals" {
            return .error("\(file) is a Postman globals export, not a collection; Portico does not read globals — copy the values into an environment in environments/",
                          at: here)
        }
        if document.has("environment") || scope == "environment" || (document["values"]?.elements != nil && document.has("name")) {
            return .error("\(file) is a Postman environment, not a collection; move it to environments/", at: here)
        }
        if let version = document["openapi"] {
            let number = version.string.map { " \($0)" } ?? ""
            return .error("\(file) is an OpenAPI\(number) document, not a Postman collection; import it into Postman and export it as Collection v2.1",
                          at: here)
        }
        if document.has("swagger") {
            return .error("\(file) is a Swagger (OpenAPI 2) document, not a Postman collection; import it into Postman and export it as Collection v2.1",
                          at: here)
        }
        if document.has("item") {
            return .error("this Postman collection has no `info` object; a v2 collection needs `info` with `name` and `schema`",
                          at: here)
        }
        let keys = (document.members ?? []).prefix(5).map { "`\($0.key)`" }.joined(separator: ", ")
        let found = keys.isEmpty ? "an empty object" : "an object with \(keys)"
        return .error("\(file) is not a Postman collection: expected an object with `info` and `item`, found \(found)",
                      at: here)
    }
}
