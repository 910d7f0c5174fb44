/// A piece of authored text and the format it was written in. The renderer turns
/// Markdown into sanitised HTML, escapes plain text, and sanitises HTML; nothing
/// authored reaches a page unsanitised.
public struct RichText: Hashable, Sendable {
    public enum Format: String, Hashable, Sendable { case markdown, plain, html }
    public var text: String
    public var format: Format

    public init(_ text: String, format: Format = .markdown) {
        self.text = text
        self.format = format
    }

    public var isEmpty: Bool { text.allSatisfy(\.isWhitespace) }
}
