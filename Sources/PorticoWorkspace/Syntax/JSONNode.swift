import PorticoModel

/// A parsed JSON value with the 1-based line and column where it starts, so a reader
/// can point a diagnostic at the exact node. Object members keep their file order and
/// the position of their key.
public struct JSONNode: Hashable, Sendable {
    /// What the node is. Numbers keep their literal text, like `JSONValue`.
    public enum Kind: Hashable, Sendable {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([JSONNode])
        case object([Member])
    }

    /// One `"key": value` pair of an object, with where its key was written.
    public struct Member: Hashable, Sendable {
        public var key: String
        public var keyLine: Int
        public var keyColumn: Int
        public var value: JSONNode

        public init(key: String, keyLine: Int, keyColumn: Int, value: JSONNode) {
            self.key = key
            self.keyLine = keyLine
            self.keyColumn = keyColumn
            self.value = value
        }
    }

    public var kind: Kind
    public var line: Int
    public var column: Int

    public init(_ kind: Kind, line: Int, column: Int) {
        self.kind = kind
        self.line = line
        self.column = column
    }

    /// The member with this key, when the node is an object. The parser rejects
    /// duplicate keys, so there is at most one.
    public func member(_ key: String) -> Member? {
        guard case .object(let members) = kind else { return nil }
        return members.first { $0.key == key }
    }

    /// The value of the member with this key, when the node is an object.
    public subscript(key: String) -> JSONNode? { member(key)?.value }

    /// True when the node is an object that has this key (whatever its value).
    public func has(_ key: String) -> Bool { member(key) != nil }

    public var members: [Member]? {
        if case .object(let members) = kind { return members }
        return nil
    }

    public var elements: [JSONNode]? {
        if case .array(let elements) = kind { return elements }
        return nil
    }

    public var string: String? {
        if case .string(let s) = kind { return s }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let b) = kind { return b }
        return nil
    }

    public var isNull: Bool { kind == .null }

    /// "a string", "an object", … for messages such as "expected an array, found a string".
    public var kindDescription: String {
        switch kind {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }

    /// Where the node starts, in the file at `path`.
    public func location(in path: String) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    /// The node without positions, as PorticoModel's ordered JSON value.
    public var value: JSONValue {
        switch kind {
        case .null: .null
        case .bool(let b): .bool(b)
        case .number(let n): .number(n)
        case .string(let s): .string(s)
        case .array(let items): .array(items.map(\.value))
        case .object(let members): .object(members.map { JSONMember($0.key, $0.value.value) })
        }
    }
}
