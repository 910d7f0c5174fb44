/// The links written in a Markdown text, with their positions, read by the same
/// parser that renders the text, so a check of links sees what the page will link.
public enum MarkdownLinks {
    /// One link: its destination as written (entity-decoded by cmark) and where it
    /// starts, 1-based, in the text given.
    public struct Link: Hashable, Sendable {
        public var url: String
        public var line: Int
        public var column: Int
    }

    public static func links(in markdown: String) -> [Link] {
        GitHubMarkdown.links(LineEndings.normalize(markdown))
    }
}
