/// A person shown on a site: a team member or a partner member. `email` is set
/// only when the workspace allows showing it (`show_email`), so a template can
/// print whatever it is given.
public struct SitePerson: Hashable, Sendable {
    public var name: String
    public var role: String
    public var email: String?

    public init(name: String, role: String, email: String? = nil) {
        self.name = name
        self.role = role
        self.email = email
    }
}

/// A partner as its own site shows it (or, in the shared site, as every partner
/// sees it): its name and its members.
public struct SitePartner: Hashable, Sendable {
    public var slug: String
    public var name: String
    public var members: [SitePerson]

    public init(slug: String, name: String, members: [SitePerson]) {
        self.slug = slug
        self.name = name
        self.members = members
    }
}
