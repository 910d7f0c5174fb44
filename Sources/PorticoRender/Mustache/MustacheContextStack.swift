/// The values in scope while rendering: the root context at the bottom, and one
/// entry per section being rendered on top. Names resolve from the top down.
struct MustacheContextStack {
    private var values: [MustacheValue]

    init(root: MustacheValue) {
        values = [root]
    }

    mutating func push(_ value: MustacheValue) {
        values.append(value)
    }

    mutating func pop() {
        // Never pops the root; the renderer pushes and pops in pairs anyway.
        if values.count > 1 {
            values.removeLast()
        }
    }

    /// The value `path` names, or `.null` when nothing does.
    ///
    /// Following the spec, only the first component searches the stack; the rest
    /// must resolve inside what it found. So `{{a.b}}` does not fall back to an
    /// outer `a` when the innermost `a` lacks `b`.
    func resolve(_ path: MustachePath) -> MustacheValue {
        guard let first = path.components.first else {
            return values.last ?? .null
        }
        guard var current = lookUp(first) else { return .null }
        for component in path.components.dropFirst() {
            guard case .object(let members) = current, let member = members[component] else {
                return .null
            }
            current = member
        }
        return current
    }

    private func lookUp(_ key: String) -> MustacheValue? {
        var index = values.count - 1
        while index >= 0 {
            if case .object(let members) = values[index], let member = members[key] {
                return member
            }
            index -= 1
        }
        return nil
    }
}
