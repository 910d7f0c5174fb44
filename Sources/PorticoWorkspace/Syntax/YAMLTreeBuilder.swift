import PorticoModel

/// Assembles `YAMLNode`s from a stream of parser events (scalar, alias, start and
/// end of collections), checking what the event stream alone does not: duplicate
/// keys, undefined or recursive aliases, and how far aliases and nesting may go.
///
/// Kept apart from libyaml so the rules are plain Swift over plain values.
struct YAMLTreeBuilder {
    /// A node with its size and height, remembered for anchors so an alias can be
    /// charged against the limits without walking the copy.
    private struct Sized {
        var node: YAMLNode
        var size: Int
        var height: Int
    }

    /// A sequence or mapping still being read. A mapping's items alternate key, value.
    private struct Frame {
        var isMapping: Bool
        var line: Int
        var column: Int
        var anchor: String?
        var items: [YAMLNode] = []
        var size = 1
        var height = 1
        /// Scalar keys seen so far and where, to report a duplicate at its second use.
        var keys: [String: YAMLNode] = [:]
    }

    let path: String
    let limits: YAMLParser.Limits
    private var stack: [Frame] = []
    private var anchors: [String: Sized] = [:]
    /// Nodes copied in by aliases so far; bounded so `&a [*b, *b, …]` chains
    /// (billion laughs) fail fast instead of exhausting memory.
    private var aliasNodes = 0
    private(set) var root: YAMLNode?

    init(path: String, limits: YAMLParser.Limits) {
        self.path = path
        self.limits = limits
    }

    mutating func scalar(_ scalar: YAMLScalar, anchor: String?, line: Int, column: Int) throws {
        let node = YAMLNode(.scalar(scalar), line: line, column: column)
        try attach(Sized(node: node, size: 1, height: 1), anchor: anchor)
    }

    mutating func alias(_ name: String, line: Int, column: Int) throws {
        let here = SourceLocation(path: path, line: line, column: column)
        guard let target = anchors[name] else {
            if stack.contains(where: { $0.anchor == name }) {
                throw Diagnostic.error("alias `*\(name)` refers to a node that contains it; recursive aliases are not allowed", at: here)
            }
            throw Diagnostic.error("alias `*\(name)` has no anchor `&\(name)` before it", at: here)
        }
        aliasNodes += target.size
        if aliasNodes > limits.maxAliasNodes {
            throw Diagnostic.error("aliases expand to more than \(limits.maxAliasNodes) nodes; write the values out or use fewer aliases", at: here)
        }
        if stack.count + target.height > limits.maxDepth {
            throw Diagnostic.error("nesting is deeper than \(limits.maxDepth) levels", at: here)
        }
        // The copy takes the alias's position: a diagnostic about it should point
        // where it is used, and the anchor's own line is one search away.
        var copy = target
        copy.node.line = line
        copy.node.column = column
        try attach(copy, anchor: nil)
    }

    mutating func startCollection(isMapping: Bool, anchor: String?, line: Int, column: Int) throws {
        if stack.count + 1 > limits.maxDepth {
            throw Diagnostic.error("nesting is deeper than \(limits.maxDepth) levels",
                                   at: SourceLocation(path: path, line: line, column: column))
        }
        stack.append(Frame(isMapping: isMapping, line: line, column: column, anchor: anchor))
    }

    mutating func endCollection() throws {
        guard let frame = stack.popLast() else {
            throw Diagnostic.error("unbalanced YAML events (end of a collection that never started)",
                                   at: SourceLocation(path: path))
        }
        let content: YAMLNode.Content
        if frame.isMapping {
            var pairs: [YAMLPair] = []
            pairs.reserveCapacity(frame.items.count / 2)
            var index = 0
            while index < frame.items.count {
                let key = frame.items[index]
                // libyaml always sends a value after a key; a missing one reads as null.
                let value = index + 1 < frame.items.count
                    ? frame.items[index + 1] : YAMLNode.null(line: key.line, column: key.column)
                pairs.append(YAMLPair(key: key, value: value))
                index += 2
            }
            content = .mapping(pairs)
        } else {
            content = .sequence(frame.items)
        }
        let node = YAMLNode(content, line: frame.line, column: frame.column)
        try attach(Sized(node: node, size: frame.size, height: frame.height), anchor: frame.anchor)
    }

    private mutating func attach(_ sized: Sized, anchor: String?) throws {
        if let anchor { anchors[anchor] = sized }
        guard var parent = stack.popLast() else {
            root = sized.node
            return
        }
        if parent.isMapping, parent.items.count % 2 == 0, let key = sized.node.scalar?.text {
            if let first = parent.keys[key] {
                throw Diagnostic.error(
                    "duplicate key `\(key)` (first written at line \(first.line), column \(first.column))",
                    at: sized.node.location(in: path))
            }
            parent.keys[key] = sized.node
        }
        parent.items.append(sized.node)
        parent.size += sized.size
        parent.height = max(parent.height, sized.height + 1)
        stack.append(parent)
    }
}
