import PorticoModel

/// `comments/*.yaml`: one team review thread on a selector (spec section 6).
/// Comments reach only the team preview, never a partner site.
public struct CommentThread: Hashable, Sendable {
    public struct Comment: Hashable, Sendable {
        public var author: String
        public var at: String
        public var text: String

        public init(author: String, at: String, text: String) {
            self.author = author
            self.at = at
            self.text = text
        }
    }

    public var target: Located<String>
    public var thread: [Comment]
    public var location: SourceLocation

    public init(target: Located<String>, thread: [Comment], location: SourceLocation) {
        self.target = target
        self.thread = thread
        self.location = location
    }
}
