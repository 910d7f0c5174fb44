import PorticoModel

/// Renders authored `RichText` in whatever format it was written in; every path
/// ends in escaped or sanitised HTML.
public enum RichTextRenderer {
    /// Markdown goes through `MarkdownRenderer`, plain text is escaped into
    /// paragraphs with `<br>` line breaks, HTML goes through `HTMLSanitizer`.
    public static func html(_ text: RichText, relativeLinks: RelativeLinks = .keep) -> String {
        switch text.format {
        case .markdown: MarkdownRenderer.html(text.text, relativeLinks: relativeLinks)
        case .plain: PlainText.html(text.text)
        case .html: HTMLSanitizer.sanitize(text.text, relativeLinks: relativeLinks)
        }
    }
}
