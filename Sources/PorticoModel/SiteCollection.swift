/// A collection as one partner sees it: only the folders and requests visible to
/// that partner, variables resolved for that partner.
public struct SiteCollection: Hashable, Sendable {
    /// Unique among the site's collections; names the collection's pages folder.
    public var slug: String
    public var name: String
    public var description: RichText?
    public var items: [SiteItem]
    /// The collection-level auth, as shown on the collection page.
    public var auth: SiteAuth?
    /// The filtered collection as Postman v2.1 JSON, for download.
    public var download: JSONValue
    /// Equal for equal downloads within one run of Portico, so a renderer can reuse
    /// a download without comparing the JSON; 0 means unknown.
    public var downloadID: Int = 0
    /// Selector path (`collections/<name>`), for preview badges.
    public var selector: String

    public init(slug: String, name: String, description: RichText? = nil, items: [SiteItem],
                auth: SiteAuth? = nil, download: JSONValue, selector: String) {
        self.slug = slug
        self.name = name
        self.description = description
        self.items = items
        self.auth = auth
        self.download = download
        self.selector = selector
    }
}

/// A node of a collection's tree: a folder or a request, in collection order.
public enum SiteItem: Hashable, Sendable {
    case folder(SiteFolder)
    case request(SiteRequest)

    public var slug: String {
        switch self {
        case .folder(let f): f.slug
        case .request(let r): r.slug
        }
    }

    public var name: String {
        switch self {
        case .folder(let f): f.name
        case .request(let r): r.name
        }
    }
}

/// A folder: its name, description and children in collection order.
public struct SiteFolder: Hashable, Sendable {
    /// Unique among all folders and requests of its collection; names its page.
    public var slug: String
    public var name: String
    public var description: RichText?
    public var items: [SiteItem]
    public var auth: SiteAuth?
    public var selector: String

    public init(slug: String, name: String, description: RichText? = nil, items: [SiteItem],
                auth: SiteAuth? = nil, selector: String) {
        self.slug = slug
        self.name = name
        self.description = description
        self.items = items
        self.auth = auth
        self.selector = selector
    }
}
