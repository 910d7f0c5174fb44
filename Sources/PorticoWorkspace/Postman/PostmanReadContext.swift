import PorticoModel

/// The state of reading one Postman file: its path (for locations) and every problem
/// found so far. Readers keep going after a problem so one run reports them all;
/// typed accessors report a wrong type at the node's own line and column and return
/// nil or an empty value instead of crashing.
struct PostmanReadContext {
    let path: String
    var diagnostics: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    func location(of node: JSONNode) -> SourceLocation {
        node.location(in: path)
    }

    mutating func report(_ message: String, at node: JSONNode) {
        diagnostics.append(.error(message, at: location(of: node)))
    }

    /// Reports that `key` holds the wrong kind of value.
    mutating func reportType(_ key: String, expected: String, found node: JSONNode) {
        report("`\(key)` must be \(expected), found \(node.kindDescription)", at: node)
    }

    /// A string member; absent or null is nil.
    mutating func string(_ key: String, in object: JSONNode) -> String? {
        guard let node = object[key], !node.isNull else { return nil }
        guard let text = node.string else {
            reportType(key, expected: "a string", found: node)
            return nil
        }
        return text
    }

    /// A value written as text: a string, or a number or boolean taken as its literal
    /// text (hand-edited files write `"port": 8443`). Objects and arrays are reported.
    mutating func scalarText(_ key: String, in object: JSONNode) -> String? {
        guard let node = object[key] else { return nil }
        switch node.kind {
        case .null: return nil
        case .string(let s): return s
        case .number(let n): return n
        case .bool(let b): return b ? "true" : "false"
        case .array, .object:
            reportType(key, expected: "a string", found: node)
            return nil
        }
    }

    /// Any value as text: strings as they are, everything else as compact JSON.
    /// Postman allows any JSON as a variable or auth-attribute value.
    func anyText(_ node: JSONNode?) -> String? {
        guard let node else { return nil }
        switch node.kind {
        case .null: return nil
        case .string(let s): return s
        default: return node.jsonText(pretty: false)
        }
    }

    /// A boolean member; absent or null is nil.
    mutating func bool(_ key: String, in object: JSONNode) -> Bool? {
        guard let node = object[key], !node.isNull else { return nil }
        guard let value = node.bool else {
            reportType(key, expected: "true or false", found: node)
            return nil
        }
        return value
    }

    /// An array member's elements; absent or null is empty.
    mutating func array(_ key: String, in object: JSONNode) -> [JSONNode] {
        guard let node = object[key], !node.isNull else { return [] }
        guard let elements = node.elements else {
            reportType(key, expected: "an array", found: node)
            return []
        }
        return elements
    }

    /// The objects of an array member; an element of another kind is reported and skipped.
    mutating func objects(_ key: String, in object: JSONNode, each what: String) -> [JSONNode] {
        array(key, in: object).filter { element in
            if element.members != nil { return true }
            report("each entry of `\(key)` must be \(what) (an object), found \(element.kindDescription)", at: element)
            return false
        }
    }

    /// An object member; absent or null is nil.
    mutating func object(_ key: String, in object: JSONNode) -> JSONNode? {
        guard let node = object[key], !node.isNull else { return nil }
        guard node.members != nil else {
            reportType(key, expected: "an object", found: node)
            return nil
        }
        return node
    }

    /// `disabled: true`, or the older `enabled: false`.
    mutating func isDisabled(_ object: JSONNode) -> Bool {
        if let disabled = bool("disabled", in: object) { return disabled }
        if let enabled = bool("enabled", in: object) { return !enabled }
        return false
    }
}
