/// One `{{…}}` tag as the parser reads it, before it becomes a node: its kind, its
/// trimmed content, and where it sits in the source (byte offsets).
struct MustacheTag {
    /// What the tag's sigil (the character after the open delimiter) asks for.
    enum Kind {
        case escapedVariable      // {{name}}
        case unescapedVariable    // {{{name}}} or {{& name}}
        case section              // {{#name}}
        case invertedSection      // {{^name}}
        case sectionEnd           // {{/name}}
        case comment              // {{! … }}
        case partial              // {{> name}}
        case setDelimiters        // {{=<% %>=}}

        /// Tags that print nothing where they stand may sit alone on a line; the
        /// spec then removes that whole line so templates can be laid out readably.
        /// Variables print something, so their line is always kept.
        var mayStandAlone: Bool {
            switch self {
            case .escapedVariable, .unescapedVariable: return false
            case .section, .invertedSection, .sectionEnd, .comment, .partial, .setDelimiters: return true
            }
        }

        /// Whether the content is a name to look up or include, which must be a
        /// single non-empty word.
        var takesName: Bool {
            switch self {
            case .comment, .setDelimiters: return false
            default: return true
            }
        }
    }

    let kind: Kind
    /// The text between sigil and close delimiter, with surrounding whitespace
    /// removed (`{{ name }}` means `name`).
    let content: String
    /// Byte offset of the open delimiter.
    let start: Int
    /// Byte offset just past the close delimiter.
    let end: Int
}
