/// A request as one partner sees it: every value already resolved through that
/// partner's variables (secrets and unknown names stay `{{name}}`).
public struct SiteRequest: Hashable, Sendable {
    /// Unique among all folders and requests of its collection; names its page.
    public var slug: String
    public var name: String
    public var description: RichText?
    /// Upper-case HTTP method (GET when the collection gives none).
    public var method: String
    /// The resolved URL: enabled query parameters only; empty when the request has no URL.
    public var url: String
    public var pathVariables: [SiteParameter]
    public var query: [SiteParameter]
    public var headers: [SiteParameter]
    /// The effective auth after inheritance; nil means no auth.
    public var auth: SiteAuth?
    public var body: SiteBody?
    public var examples: [SiteExample]
    public var selector: String

    public init(slug: String, name: String, description: RichText? = nil, method: String, url: String,
                pathVariables: [SiteParameter] = [], query: [SiteParameter] = [], headers: [SiteParameter] = [],
                auth: SiteAuth? = nil, body: SiteBody? = nil, examples: [SiteExample] = [], selector: String) {
        self.slug = slug
        self.name = name
        self.description = description
        self.method = method
        self.url = url
        self.pathVariables = pathVariables
        self.query = query
        self.headers = headers
        self.auth = auth
        self.body = body
        self.examples = examples
        self.selector = selector
    }
}

/// A key/value row: a query parameter, header, path variable or form field.
/// Disabled rows are documented but never sent by code samples.
public struct SiteParameter: Hashable, Sendable {
    public var key: String
    /// Resolved value; nil for a query key with no `=` (`?flag`).
    public var value: String?
    public var description: RichText?
    public var enabled: Bool

    public init(key: String, value: String?, description: RichText? = nil, enabled: Bool = true) {
        self.key = key
        self.value = value
        self.description = description
        self.enabled = enabled
    }
}

/// The auth scheme in force for a request. `parameters` are resolved values with
/// secrets left as `{{name}}`; credential-like values are shown only as the
/// variable references they are written with.
public struct SiteAuth: Hashable, Sendable {
    /// The Postman type: `basic`, `bearer`, `apikey`, `oauth2`, `noauth`, …
    public var type: String
    public var parameters: [SiteParameter]
    /// Where the auth was set when inherited: the folder or collection name.
    public var inheritedFrom: String?

    public init(type: String, parameters: [SiteParameter], inheritedFrom: String? = nil) {
        self.type = type
        self.parameters = parameters
        self.inheritedFrom = inheritedFrom
    }

    public func value(_ key: String) -> String? {
        parameters.first { $0.key == key }?.value ?? nil
    }
}

/// A request body in one of Postman's modes.
public enum SiteBody: Hashable, Sendable {
    /// Text sent as written; `language` is Postman's `options.raw.language` (json, xml, text, html, javascript).
    case raw(text: String, language: String?)
    case urlencoded([SiteParameter])
    case formData([SiteFormField])
    /// A binary file upload; `source` is the file name or path if the collection gives one.
    case file(source: String?)
    case graphQL(query: String, variables: String?)
}

/// One multipart form field: text, or a file (`src` is a path placeholder).
public struct SiteFormField: Hashable, Sendable {
    public var key: String
    public var value: String?
    public var isFile: Bool
    public var source: String?
    public var contentType: String?
    public var description: RichText?
    public var enabled: Bool

    public init(key: String, value: String?, isFile: Bool, source: String? = nil, contentType: String? = nil,
                description: RichText? = nil, enabled: Bool = true) {
        self.key = key
        self.value = value
        self.isFile = isFile
        self.source = source
        self.contentType = contentType
        self.description = description
        self.enabled = enabled
    }
}

/// A saved example response.
public struct SiteExample: Hashable, Sendable {
    public var name: String
    /// Reason phrase, e.g. "Created".
    public var status: String?
    public var code: Int?
    public var headers: [SiteParameter]
    public var body: String?
    /// Language hint for the body: json, xml, html, text.
    public var language: String?

    public init(name: String, status: String? = nil, code: Int? = nil, headers: [SiteParameter] = [],
                body: String? = nil, language: String? = nil) {
        self.name = name
        self.status = status
        self.code = code
        self.headers = headers
        self.body = body
        self.language = language
    }
}
