import Foundation
import PorticoModel

/// Reads typed values out of the YAML of one file, strictly, collecting every
/// problem as a `Diagnostic` rather than stopping at the first, so a team fixes
/// a file in one pass.
///
/// Plain scalars are resolved against the type the format expects (`true` is a
/// boolean where a boolean is wanted); quoted scalars are always strings. A key
/// with no value counts as absent, except where a boolean or a required value is
/// wanted.
final class YAMLValueReader {
    let path: String
    private(set) var diagnostics: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    func error(_ message: String, at node: YAMLNode) {
        diagnostics.append(.error(message, at: node.location(in: path)))
    }

    func error(_ message: String, at location: SourceLocation) {
        diagnostics.append(.error(message, at: location))
    }

    /// Throws every collected diagnostic, if there is one, in file order: they were
    /// found in the order the format is read, which is not the order of the file.
    func throwIfNeeded() throws {
        guard !diagnostics.isEmpty else { return }
        let ordered = diagnostics.enumerated().sorted { a, b in
            let left = (a.element.location?.line ?? 0, a.element.location?.column ?? 0, a.offset)
            let right = (b.element.location?.line ?? 0, b.element.location?.column ?? 0, b.offset)
            return left < right
        }
        throw DiagnosticList(ordered.map(\.element))
    }

    /// The keys of a mapping, every one checked against `allowed` (nil allows any
    /// name). Reports, and returns nil, when `node` is not a mapping.
    /// - Parameter context: how messages name the mapping: "portico.yaml", "a team member".
    func fields(of node: YAMLNode, in context: String, allowed: [String]?) -> YAMLFields? {
        guard case .mapping(let pairs) = node.content else {
            error("\(context) must be a mapping (`key: value` lines), found \(node.kindDescription)", at: node)
            return nil
        }
        var entries: [(name: String, pair: YAMLPair)] = []
        for pair in pairs {
            guard let key = pair.key.scalar, !key.isNull else {
                error("keys in \(context) must be names, found \(pair.key.kindDescription)", at: pair.key)
                continue
            }
            if let allowed, !allowed.contains(key.text) {
                error(Self.unknownKeyMessage(key.text, in: context, allowed: allowed), at: pair.key)
                continue
            }
            entries.append((key.text, pair))
        }
        return YAMLFields(node: node, context: context, entries: entries)
    }

    static func unknownKeyMessage(_ key: String, in context: String, allowed: [String]) -> String {
        if let suggestion = YAMLKeySuggestion.nearest(to: key, in: allowed) {
            return "unknown key `\(key)` in \(context); did you mean `\(suggestion)`?"
        }
        let list = allowed.map { "`\($0)`" }.joined(separator: ", ")
        return "unknown key `\(key)` in \(context); expected one of \(list)"
    }

    /// The value of a required key, or a "missing" error at the mapping.
    func required(_ key: String, in fields: YAMLFields) -> YAMLNode? {
        guard let value = fields.value(key) else {
            error("\(fields.context) is missing the required key `\(key)`", at: fields.node)
            return nil
        }
        if value.isNull {
            error("`\(key)` needs a value", at: value)
            return nil
        }
        return value
    }

    /// Any scalar as its text (a number or date keeps the text as written).
    func string(_ node: YAMLNode, named key: String) -> Located<String>? {
        guard let scalar = node.scalar, !scalar.isNull else {
            error("`\(key)` must be text, found \(node.kindDescription)", at: node)
            return nil
        }
        return Located(scalar.text, at: node.location(in: path))
    }

    /// Exactly `true` or `false`, written plain. `yes`, `on` and `"true"` are errors:
    /// a switch that changes what partners see should be spelt one way.
    func bool(_ node: YAMLNode, named key: String) -> Bool? {
        if let scalar = node.scalar, scalar.isPlain {
            if scalar.text == "true" { return true }
            if scalar.text == "false" { return false }
        }
        error("`\(key)` must be true or false, found \(node.kindDescription)", at: node)
        return nil
    }

    /// A plain number: an integer or a decimal such as `1`, `-2` or `1.5`.
    func number(_ node: YAMLNode, named key: String) -> Double? {
        if let scalar = node.scalar, scalar.isPlain, Self.isDecimal(scalar.text), let value = Double(scalar.text) {
            return value
        }
        error("`\(key)` must be a number, found \(node.kindDescription)", at: node)
        return nil
    }

    /// The items of a sequence.
    func sequence(_ node: YAMLNode, named key: String, of what: String) -> [YAMLNode]? {
        guard case .sequence(let items) = node.content else {
            error("`\(key)` must be a list of \(what), found \(node.kindDescription)", at: node)
            return nil
        }
        return items
    }

    /// A sequence of non-empty scalars, each with its position.
    func stringList(_ node: YAMLNode, named key: String, of what: String) -> [Located<String>]? {
        guard let items = sequence(node, named: key, of: what) else { return nil }
        var result: [Located<String>] = []
        for item in items {
            guard let scalar = item.scalar, !scalar.isNull, !scalar.text.isEmpty else {
                error("each item of `\(key)` must be one of \(what), found \(item.kindDescription)", at: item)
                continue
            }
            result.append(Located(scalar.text, at: item.location(in: path)))
        }
        return result
    }

    /// Digits with an optional sign and fraction; no `.inf`, `0x`, or `1e400`
    /// surprises in a page order.
    private static func isDecimal(_ text: String) -> Bool {
        var body = Substring(text)
        if body.first == "-" || body.first == "+" { body = body.dropFirst() }
        let parts = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let whole = parts.first, !whole.isEmpty else { return false }
        return parts.allSatisfy { part in !part.isEmpty && part.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}

/// The checked keys of one YAML mapping, in file order.
struct YAMLFields {
    /// The mapping itself, where "missing key" errors point.
    let node: YAMLNode
    /// How messages name the mapping.
    let context: String
    let entries: [(name: String, pair: YAMLPair)]

    /// The value written for `key`; nil when the key is absent.
    func value(_ key: String) -> YAMLNode? {
        entries.first { $0.name == key }?.pair.value
    }

    /// The value of a key whose absence shows partners more than any value would
    /// (`visibility`, `internal`, `partners`): written with no value, say every slug
    /// under `partners:` commented out, it is an error, never read as absent.
    func protective(_ key: String, reader: YAMLValueReader) -> YAMLNode? {
        guard let value = value(key) else { return nil }
        if value.isNull {
            reader.error("`\(key):` has no value; write what it should hold, or remove the line "
                         + "(an empty `\(key)` could publish what it meant to hide)", at: value)
            return nil
        }
        return value
    }

    /// The value for `key` unless it is absent or written with no value.
    func optional(_ key: String) -> YAMLNode? {
        guard let value = value(key), !value.isNull else { return nil }
        return value
    }

    /// The key node for `key`, for errors about the entry as a whole.
    func keyNode(_ key: String) -> YAMLNode? {
        entries.first { $0.name == key }?.pair.key
    }
}
