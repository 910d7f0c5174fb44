/// A value a template can see: the data model Mustache templates render against.
///
/// It mirrors JSON on purpose, so anything a template reaches is plain data and a
/// template cannot call back into the program.
public indirect enum MustacheValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case string(String)
    /// Integers print without ".0"; other numbers print in their shortest exact form
    /// (1.210 prints as "1.21").
    case number(Double)
    case list([MustacheValue])
    case object([String: MustacheValue])
}

extension MustacheValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension MustacheValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension MustacheValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self = .number(Double(value))
    }
}

extension MustacheValue: ExpressibleByFloatLiteral {
    public init(floatLiteral value: Double) {
        self = .number(value)
    }
}

extension MustacheValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: MustacheValue...) {
        self = .list(elements)
    }
}

extension MustacheValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        // A repeated key in a literal keeps the last value instead of trapping, as
        // `Dictionary(uniqueKeysWithValues:)` would.
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
