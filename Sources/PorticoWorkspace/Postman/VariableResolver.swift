/// Replaces Postman `{{name}}` references in text with variable values.
///
/// - A name with no value (absent, or mapped to nil — how secrets are kept out)
///   stays `{{name}}` exactly as written.
/// - Values may themselves contain references; they are resolved too, and a
///   reference built from another (`{{base_{{region}}}}`) is resolved inner-first.
/// - A cycle (`a` → `{{b}}` → `{{a}}`) or nesting deeper than `maximumDepth` stops
///   there and leaves that `{{name}}` as written, so resolution always ends.
/// - Postman's dynamic variables (`{{$guid}}`, `{{$timestamp}}`) are left as written.
///
/// Matching follows Postman: a reference is `{{`, a name without braces, `}}`.
public struct VariableResolver: Sendable {
    public static let maximumDepth = 10

    private let values: [String: String?]

    public init(values: [String: String]) {
        self.values = values.mapValues { Optional($0) }
    }

    /// `nil` marks a name that must stay `{{name}}` even if a lower layer had a value
    /// (a secret environment value shadowing a collection variable).
    public init(values: [String: String?]) {
        self.values = values
    }

    /// The text with every resolvable reference replaced.
    public func resolve(_ text: String) -> String {
        // Most strings have no reference; return them untouched without copying.
        guard Self.mayContainReference(text) else { return text }
        var bytes = Array(text.utf8)
        return String(decoding: expand(&bytes, stack: []), as: UTF8.self)
    }

    static func mayContainReference(_ text: String) -> Bool {
        var previousWasBrace = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "{") {
                if previousWasBrace { return true }
                previousWasBrace = true
            } else {
                previousWasBrace = false
            }
        }
        return false
    }

    /// Copies `text`, replacing each reference. `stack` holds the names being expanded
    /// (to stop cycles).
    private func expand(_ text: inout [UInt8], stack: [String]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = 0
        while i < text.count {
            if isOpening(text, at: i), let (replacement, end) = reference(in: text, at: i, stack: stack, nesting: 0) {
                out.append(contentsOf: replacement)
                i = end
            } else {
                out.append(text[i])
                i += 1
            }
        }
        return out
    }

    /// The reference starting at `start` (on `{{`): its replacement and the index after
    /// its `}}`. nil when no reference starts here (a stray brace inside, or no `}}`).
    private func reference(in text: [UInt8], at start: Int, stack: [String], nesting: Int) -> ([UInt8], Int)? {
        var name: [UInt8] = []
        var i = start + 2
        while i < text.count {
            if text[i] == UInt8(ascii: "}") {
                guard i + 1 < text.count, text[i + 1] == UInt8(ascii: "}") else { return nil }
                return (lookUp(name, stack: stack), i + 2)
            }
            if text[i] == UInt8(ascii: "{") {
                // `{{base_{{region}}}}`: the inner reference is resolved first and becomes part of the name.
                guard isOpening(text, at: i), nesting < Self.maximumDepth,
                      let (inner, end) = reference(in: text, at: i, stack: stack, nesting: nesting + 1) else { return nil }
                name.append(contentsOf: inner)
                i = end
                continue
            }
            name.append(text[i])
            i += 1
        }
        return nil
    }

    /// The value for a name, itself resolved; or `{{name}}` as written when there is
    /// none, it is dynamic, or it is already being expanded.
    private func lookUp(_ nameBytes: [UInt8], stack: [String]) -> [UInt8] {
        let name = String(decoding: nameBytes, as: UTF8.self)
        let verbatim = Array("{{".utf8) + nameBytes + Array("}}".utf8)
        guard !name.hasPrefix("$"), !name.contains("{"), !name.contains("}"),
              !stack.contains(name), stack.count < Self.maximumDepth,
              let entry = values[name], var value = entry.map({ Array($0.utf8) }) else {
            return verbatim
        }
        guard Self.mayContainReference(String(decoding: value, as: UTF8.self)) else { return value }
        return expand(&value, stack: stack + [name])
    }

    private func isOpening(_ text: [UInt8], at i: Int) -> Bool {
        i + 1 < text.count && text[i] == UInt8(ascii: "{") && text[i + 1] == UInt8(ascii: "{")
    }
}
