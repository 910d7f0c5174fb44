import PorticoModel

/// Environment files from `environments/`.
extension PostmanReadContext {
    /// An environment object, or the Postman API's `{"environment": {…}}` wrapper.
    mutating func readEnvironment(_ document: JSONNode) -> PostmanEnvironment? {
        guard document.members != nil else {
            report("this is not a Postman environment: expected a JSON object with `name` and `values`, found \(document.kindDescription)",
                   at: document)
            return nil
        }
        var root = document
        if !document.has("values"), let wrapped = object("environment", in: document) { root = wrapped }
        if root.has("info") && root.has("item") {
            report("this is a Postman collection, not an environment; move it to collections/", at: root)
            return nil
        }
        guard root.has("values") else {
            report("this is not a Postman environment: it has no `values` array", at: root)
            return nil
        }
        let name = string("name", in: root)
        if name == nil { report("this environment has no `name`", at: root) }
        let values = objects("values", in: root, each: "an environment value").compactMap { node -> PostmanEnvironment.Value? in
            guard let key = string("key", in: node) else {
                report("this environment value has no `key`", at: node)
                return nil
            }
            return PostmanEnvironment.Value(key: key, value: anyText(node["value"]) ?? "",
                                            enabled: bool("enabled", in: node) ?? true,
                                            isSecret: string("type", in: node) == "secret")
        }
        return PostmanEnvironment(name: name ?? "", values: values, location: location(of: root))
    }
}
