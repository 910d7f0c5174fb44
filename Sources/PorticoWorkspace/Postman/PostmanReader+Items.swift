import PorticoModel

/// The collection object and its item tree.
extension PostmanReadContext {
    mutating func readCollection(_ root: JSONNode, info: JSONNode, schemaVersion: String) -> PostmanCollection {
        let name = string("name", in: info)
        if info["name"]?.isNull ?? true {
            report("the collection's `info` has no `name`", at: info)
        }
        return PostmanCollection(
            name: name ?? "",
            postmanID: string("_postman_id", in: info),
            description: description(in: info),
            items: readItems(of: root, isCollection: true),
            auth: readAuth(in: root),
            variables: readVariables(in: root),
            schemaVersion: schemaVersion,
            location: location(of: root))
    }

    /// The `item` array of a collection or folder, in file order. A collection must
    /// have one (an empty collection exports `"item": []`); a folder without is empty.
    mutating func readItems(of parent: JSONNode, isCollection: Bool = false) -> [PostmanItem] {
        if isCollection, parent["item"] == nil {
            report("the collection has no `item` array", at: parent)
        }
        return objects("item", in: parent, each: "a request or a folder").compactMap { readItem($0) }
    }

    /// A folder when the object has `item`, a request when it has `request`.
    mutating func readItem(_ node: JSONNode) -> PostmanItem? {
        guard let name = itemName(node) else { return nil }
        if node.has("item") {
            return .folder(PostmanFolder(
                name: name,
                description: description(in: node),
                items: readItems(of: node),
                auth: readAuth(in: node),
                variables: readVariables(in: node),
                location: location(of: node)))
        }
        guard let requestNode = node["request"] else {
            report("item \"\(name)\" has neither `request` (a request) nor `item` (a folder)", at: node)
            return nil
        }
        return .request(PostmanRequestItem(
            name: name,
            description: description(in: node),
            request: readRequest(requestNode, key: "request") ?? PostmanRequest(),
            responses: objects("response", in: node, each: "a saved example").map { readResponse($0) },
            location: location(of: node)))
    }

    private mutating func itemName(_ node: JSONNode) -> String? {
        guard let nameNode = node["name"] else {
            report("this item has no `name`", at: node)
            return nil
        }
        guard let name = nameNode.string else {
            reportType("name", expected: "a string", found: nameNode)
            return nil
        }
        return name
    }

    /// `description` as a string, a `{content, type}` object, or null.
    mutating func description(in object: JSONNode, key: String = "description") -> RichText? {
        guard let node = object[key] else { return nil }
        switch node.kind {
        case .null:
            return nil
        case .string(let text):
            return text.isEmpty ? nil : RichText(text, format: .markdown)
        case .object:
            guard let text = string("content", in: node), !text.isEmpty else { return nil }
            let type = string("type", in: node)?.lowercased() ?? ""
            // Postman treats a missing or unknown type as Markdown.
            let format: RichText.Format = type.hasPrefix("text/plain") ? .plain : type.hasPrefix("text/html") ? .html : .markdown
            return RichText(text, format: format)
        default:
            reportType(key, expected: "a string or an object with `content` and `type`", found: node)
            return nil
        }
    }

    /// Collection or folder variables. Disabled ones are kept (marked) so later
    /// stages can decide; a `secret` type is recorded.
    mutating func readVariables(in object: JSONNode) -> [PostmanVariable] {
        objects("variable", in: object, each: "a variable").compactMap { node in
            guard let key = string("key", in: node) ?? string("id", in: node) else {
                report("this variable has no `key`", at: node)
                return nil
            }
            return PostmanVariable(key: key, value: anyText(node["value"]) ?? "", type: string("type", in: node),
                                   disabled: isDisabled(node))
        }
    }
}
