/// One element of a parsed template: the token tree that `MustacheTemplate` builds
/// once at init and walks on every render.
enum MustacheNode: Sendable {
    /// Literal text, copied to the output as is.
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{& name}}` (not escaped).
    case variable(MustachePath, escaped: Bool)
    /// `{{#name}}…{{/name}}`, or `{{^name}}…{{/name}}` when `inverted`.
    case section(MustachePath, inverted: Bool, children: [MustacheNode])
    /// `{{> name}}`. `indentation` is the whitespace before a standalone partial tag
    /// (to prefix each of the partial's lines); `nil` when the tag is inline, which
    /// the spec says must not indent anything.
    case partial(name: String, indentation: String?)
    /// The start of a source line that survives rendering. It prints nothing unless
    /// this template is rendered as an indented standalone partial; then it prints
    /// the indentation. Marking line starts at parse time is what lets a partial be
    /// indented without re-parsing its source on every render.
    case lineStart
}
