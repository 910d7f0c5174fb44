import PorticoModel

/// One node of a parsed YAML document: a scalar, a sequence or a mapping, with the
/// 1-based line and column where it starts in the file.
///
/// Aliases are already resolved (copied in place of the `*alias`), so readers never
/// see them. Mappings keep their pairs in file order because the order in which a
/// team writes things (selectors, environment values) is the order they expect back.
public struct YAMLNode: Hashable, Sendable {
    /// What the node holds.
    public enum Content: Hashable, Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public var content: Content
    /// 1-based line of the node's first character.
    public var line: Int
    /// 1-based column (in Unicode scalars) of the node's first character.
    public var column: Int

    public init(_ content: Content, line: Int, column: Int) {
        self.content = content
        self.line = line
        self.column = column
    }

    /// The null node: what an empty file or an empty value (`key:`) parses to.
    public static func null(line: Int = 1, column: Int = 1) -> YAMLNode {
        YAMLNode(.scalar(YAMLScalar("", style: .plain)), line: line, column: column)
    }

    /// Where this node is, for a diagnostic about it.
    public func location(in path: String) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }

    /// The scalar, if this node is one.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// True for an empty value, `~` or `null` written plain.
    public var isNull: Bool { scalar?.isNull ?? false }

    /// A short phrase for error messages: "a mapping", "a sequence", "no value", "`yes`".
    public var kindDescription: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let scalar):
            if scalar.isNull { return "no value" }
            return scalar.isPlain ? "`\(scalar.text)`" : "the string \"\(scalar.text)\""
        }
    }
}

/// One `key: value` entry of a YAML mapping, in file order.
public struct YAMLPair: Hashable, Sendable {
    public var key: YAMLNode
    public var value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
