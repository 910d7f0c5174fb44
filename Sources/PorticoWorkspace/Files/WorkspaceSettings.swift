import PorticoModel

/// `portico.yaml`: the workspace settings (spec section 2).
public struct WorkspaceSettings: Hashable, Sendable {
    public var name: String
    public var description: String?
    /// Where `description` is written, for diagnostics about its text.
    public var descriptionLocation: SourceLocation?
    public var multipartner: Bool
    /// True when `multipartner:` is written in the file (false or true).
    public var multipartnerGiven: Bool
    /// Where `multipartner:`'s value is written, for the lock error; nil when left out.
    public var multipartnerLocation: SourceLocation?
    public var baseURL: String?
    public var defaultEnvironment: Located<String>?
    public var team: [TeamMember]
    public var showEmail: Bool
    public var internalSelectors: [Located<String>]
    /// Selector → partner slugs that may see it, in file order.
    public var partnerSelectors: [PartnerSelector]
    public var location: SourceLocation

    public init(name: String, description: String? = nil, multipartner: Bool = false, multipartnerGiven: Bool = false,
                baseURL: String? = nil, defaultEnvironment: Located<String>? = nil, team: [TeamMember] = [],
                showEmail: Bool = false, internalSelectors: [Located<String>] = [],
                partnerSelectors: [PartnerSelector] = [], location: SourceLocation) {
        self.name = name
        self.description = description
        self.multipartner = multipartner
        self.multipartnerGiven = multipartnerGiven
        self.baseURL = baseURL
        self.defaultEnvironment = defaultEnvironment
        self.team = team
        self.showEmail = showEmail
        self.internalSelectors = internalSelectors
        self.partnerSelectors = partnerSelectors
        self.location = location
    }
}

/// A value and where it was written, for diagnostics that point at it.
public struct Located<Value: Hashable & Sendable>: Hashable, Sendable {
    public var value: Value
    public var location: SourceLocation

    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }
}

/// A member of the team (roster in portico.yaml).
public struct TeamMember: Hashable, Sendable {
    public enum Role: String, Hashable, Sendable, CaseIterable { case viewer, editor, admin }
    public var name: String
    public var email: String?
    public var role: Role
    public var location: SourceLocation

    public init(name: String, email: String? = nil, role: Role, location: SourceLocation) {
        self.name = name
        self.email = email
        self.role = role
        self.location = location
    }
}

/// `visibility.partners` entry: a selector and the partner slugs that may see it.
public struct PartnerSelector: Hashable, Sendable {
    public var selector: Located<String>
    public var partners: [Located<String>]

    public init(selector: Located<String>, partners: [Located<String>]) {
        self.selector = selector
        self.partners = partners
    }
}
