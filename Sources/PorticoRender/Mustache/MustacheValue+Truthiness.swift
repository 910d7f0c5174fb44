extension MustacheValue {
    /// Whether a section `{{#name}}` shows (and `{{^name}}` hides) for this value.
    ///
    /// The spec defines truthiness as JavaScript's `!!data`, so besides `null`,
    /// `false` and the empty list, the empty string and zero are falsey too. That
    /// also lets a theme write `{{#summary}}<p>{{summary}}</p>{{/summary}}` for an
    /// optional text without an empty paragraph.
    var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let flag): return flag
        case .string(let text): return !text.isEmpty
        case .number(let number): return number != 0 && !number.isNaN
        case .list(let items): return !items.isEmpty
        case .object: return true
        }
    }
}
