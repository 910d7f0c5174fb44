/// Turns untrusted GitHub-flavoured Markdown into HTML that is safe to embed in a
/// page: cmark-gfm renders it, `HTMLSanitizer` then keeps only allow-listed markup.
public enum MarkdownRenderer {
    /// Renders `markdown` to sanitised HTML. Never fails: if cmark cannot render,
    /// the text is shown escaped as plain paragraphs rather than dropped.
    public static func html(_ markdown: String, relativeLinks: RelativeLinks = .keep) -> String {
        // Before cmark, so tables, code blocks and hard breaks written with CRLF
        // (B08) reach every stage as plain LF text.
        let source = LineEndings.normalize(markdown)
        guard let raw = GitHubMarkdown.unsafeHTML(source) else {
            return PlainText.html(source)
        }
        return HTMLSanitizer.sanitize(raw, relativeLinks: relativeLinks)
    }
}
