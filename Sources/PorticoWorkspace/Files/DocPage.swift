import PorticoModel

/// `docs/**/*.md`: a Markdown page with optional front matter (spec section 5).
public struct DocPage: Hashable, Sendable {
    /// The path under docs/ without `.md`, `/`-separated.
    public var slug: String
    /// Front matter `title`, else the first heading, else the file name.
    public var title: String
    public var order: Double?
    /// Front matter `visibility: internal`.
    public var isInternal: Bool
    /// Front matter `partners: [slug, …]`; nil when not given.
    public var partners: [Located<String>]?
    /// The Markdown after the front matter.
    public var body: String
    /// The line of the file on which `body` begins, to point at its lines.
    public var bodyLine: Int = 1
    public var location: SourceLocation

    public init(slug: String, title: String, order: Double? = nil, isInternal: Bool = false,
                partners: [Located<String>]? = nil, body: String, location: SourceLocation) {
        self.slug = slug
        self.title = title
        self.order = order
        self.isInternal = isInternal
        self.partners = partners
        self.body = body
        self.location = location
    }
}
