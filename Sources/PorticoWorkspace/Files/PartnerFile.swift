import PorticoModel

/// `partners/<slug>.yaml`: one partner (spec section 3).
public struct PartnerFile: Hashable, Sendable {
    public var slug: String
    public var name: String
    public var members: [PartnerMember]
    /// Environment values for this partner, layered over the default environment, in file order.
    public var environment: [Located<String>]
    public var environmentKeys: [String]
    public var location: SourceLocation

    public init(slug: String, name: String, members: [PartnerMember] = [], environment: [(String, Located<String>)] = [],
                location: SourceLocation) {
        self.slug = slug
        self.name = name
        self.members = members
        self.environmentKeys = environment.map(\.0)
        self.environment = environment.map(\.1)
        self.location = location
    }

    /// The environment overlay as key/value pairs in file order.
    public var environmentPairs: [(key: String, value: String)] {
        zip(environmentKeys, environment).map { ($0, $1.value) }
    }
}

/// A member of a partner. Partners are viewers only; any other role is an error
/// reported while reading.
public struct PartnerMember: Hashable, Sendable {
    public var name: String
    public var email: String?
    public var location: SourceLocation

    public init(name: String, email: String? = nil, location: SourceLocation) {
        self.name = name
        self.email = email
        self.location = location
    }
}
