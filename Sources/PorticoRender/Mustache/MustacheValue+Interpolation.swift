extension MustacheValue {
    /// The text `{{name}}` shows for this value, before HTML escaping.
    ///
    /// Lists and objects have no text form in the spec; they print nothing rather
    /// than a debug dump, so a template mistake never leaks a whole structure.
    var interpolationText: String {
        switch self {
        case .null, .list, .object: return ""
        case .bool(let flag): return flag ? "true" : "false"
        case .string(let text): return text
        case .number(let number): return Self.format(number)
        }
    }

    /// Prints integers without a fraction ("85", not "85.0") and everything else in
    /// Swift's shortest round-tripping form ("1.21").
    static func format(_ number: Double) -> String {
        // 2^53: above it not every integer is representable, and the Int64
        // conversion below must stay in range.
        let exactIntegerLimit = 9_007_199_254_740_992.0
        if number.rounded(.towardZero) == number, abs(number) <= exactIntegerLimit {
            // `Int64(-0.0)` is 0, so negative zero prints as "0".
            return String(Int64(number))
        }
        return number.description
    }
}
