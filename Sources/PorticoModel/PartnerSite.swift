/// Everything one partner's site may show, and nothing else. The projection
/// (`Workspace × Partner → PartnerSite`) is its only producer; the renderer sees
/// only this value, so it cannot reach another partner's data or internal items.
public struct PartnerSite: Hashable, Sendable {
    /// The folder the site is published to: the partner's slug, or `partners` for
    /// the shared site of a workspace that is not in multipartner mode.
    public var folder: String
    public var workspaceName: String
    public var workspaceDescription: RichText?
    /// The partner this site is for; nil for the shared site.
    public var audience: SitePartner?
    /// The partners listed on the team page: the audience alone in multipartner
    /// mode, every partner in the shared site.
    public var partners: [SitePartner]
    public var team: [SitePerson]
    public var collections: [SiteCollection]
    public var docs: [SiteDoc]
    /// The resolved environment this partner uses, for download (secrets blank).
    public var environment: SiteEnvironment?
    /// Other environments this audience may see, as written (secrets blank).
    public var otherEnvironments: [SiteEnvironment]
    /// Absolute URL of the site root, for sitemap and feeds; nil when unset.
    public var baseURL: String?
    /// Files from the workspace's `assets/` copied as they are.
    public var assets: [OutputFile]
    /// Theme files from the workspace's `templates/` that override the default theme.
    public var themeOverrides: [String: String]
    /// Team preview only: badges and comments. Always empty in a partner site.
    public var preview: PreviewInfo?

    public init(folder: String, workspaceName: String, workspaceDescription: RichText? = nil,
                audience: SitePartner? = nil, partners: [SitePartner] = [], team: [SitePerson] = [],
                collections: [SiteCollection] = [], docs: [SiteDoc] = [], environment: SiteEnvironment? = nil,
                otherEnvironments: [SiteEnvironment] = [], baseURL: String? = nil, assets: [OutputFile] = [], themeOverrides: [String: String] = [:],
                preview: PreviewInfo? = nil) {
        self.folder = folder
        self.workspaceName = workspaceName
        self.workspaceDescription = workspaceDescription
        self.audience = audience
        self.partners = partners
        self.team = team
        self.collections = collections
        self.docs = docs
        self.environment = environment
        self.otherEnvironments = otherEnvironments
        self.baseURL = baseURL
        self.assets = assets
        self.themeOverrides = themeOverrides
        self.preview = preview
    }
}

/// What only the team preview carries: who can see each item and the comment
/// threads, keyed by selector path (`collections/API/Folder/Request`).
public struct PreviewInfo: Hashable, Sendable {
    public var badges: [String: String]
    public var comments: [String: [SiteComment]]

    public init(badges: [String: String] = [:], comments: [String: [SiteComment]] = [:]) {
        self.badges = badges
        self.comments = comments
    }
}

/// One comment of a team review thread (team preview only).
public struct SiteComment: Hashable, Sendable {
    public var author: String
    public var at: String
    public var text: String

    public init(author: String, at: String, text: String) {
        self.author = author
        self.at = at
        self.text = text
    }
}

/// A docs page: `docs/<slug>.md`, its title and Markdown body.
public struct SiteDoc: Hashable, Sendable {
    /// The page slug: the path under docs/ without `.md`, `/`-separated.
    public var slug: String
    public var title: String
    public var order: Double?
    public var body: String
    /// Selector path (`docs/<slug>`), for preview badges.
    public var selector: String

    public init(slug: String, title: String, order: Double? = nil, body: String, selector: String) {
        self.slug = slug
        self.title = title
        self.order = order
        self.body = body
        self.selector = selector
    }
}

/// A resolved environment offered for download: enabled values only, secret
/// values blank.
public struct SiteEnvironment: Hashable, Sendable {
    public var name: String
    public var values: [SiteVariable]
    /// Selector path (`environments/<name>`), for preview badges.
    public var selector: String

    public init(name: String, values: [SiteVariable], selector: String = "") {
        self.name = name
        self.values = values
        self.selector = selector
    }
}

/// A variable as a site may show it. `value` is empty for a secret.
public struct SiteVariable: Hashable, Sendable {
    public var key: String
    public var value: String
    public var isSecret: Bool

    public init(key: String, value: String, isSecret: Bool = false) {
        self.key = key
        self.value = value
        self.isSecret = isSecret
    }
}
