/// A YAML scalar's text and how it was written.
///
/// The style matters: `true` is a boolean but `"true"` is a string, and an empty
/// plain value is null while `""` is an empty string. Readers resolve plain scalars
/// against the type they expect; quoted and block scalars are always strings.
public struct YAMLScalar: Hashable, Sendable {
    /// How the scalar was written in the file.
    public enum Style: String, Hashable, Sendable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The scalar's value after YAML unescaping and folding.
    public var text: String
    public var style: Style
    /// True when the scalar carried the `!!str` tag, which makes a plain scalar a string.
    public var isTaggedString: Bool

    public init(_ text: String, style: Style, isTaggedString: Bool = false) {
        self.text = text
        self.style = style
        self.isTaggedString = isTaggedString
    }

    /// Written without quotes or block indicator and untagged, so subject to type
    /// resolution (null, booleans, numbers).
    public var isPlain: Bool { style == .plain && !isTaggedString }

    /// An empty plain value, `~` or `null` (YAML 1.2 core schema).
    public var isNull: Bool {
        isPlain && ["", "~", "null", "Null", "NULL"].contains(text)
    }
}
