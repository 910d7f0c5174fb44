import PorticoModel

/// A Postman collection (v2.0.0 or v2.1.0) as read from `collections/`, normalised
/// to one shape: v2.0 auth objects become parameter lists, string URLs are parsed,
/// descriptions become `RichText`. Nothing here is partner-scoped yet.
public struct PostmanCollection: Hashable, Sendable {
    public var name: String
    public var postmanID: String?
    public var description: RichText?
    public var items: [PostmanItem]
    public var auth: PostmanAuth?
    public var variables: [PostmanVariable]
    /// "2.0.0" or "2.1.0" (2.1.0 when the file names none).
    public var schemaVersion: String
    public var location: SourceLocation
    /// A digest of the file's bytes, set by the loader: two collections read from
    /// the same bytes have the same digest (used to reuse downloads between builds).
    public var sourceDigest: Int = 0

    public init(name: String, postmanID: String? = nil, description: RichText? = nil, items: [PostmanItem],
                auth: PostmanAuth? = nil, variables: [PostmanVariable] = [], schemaVersion: String = "2.1.0",
                location: SourceLocation) {
        self.name = name
        self.postmanID = postmanID
        self.description = description
        self.items = items
        self.auth = auth
        self.variables = variables
        self.schemaVersion = schemaVersion
        self.location = location
    }
}

/// A node of a collection: a folder (item-group) or a request item.
public enum PostmanItem: Hashable, Sendable {
    case folder(PostmanFolder)
    case request(PostmanRequestItem)

    public var name: String {
        switch self {
        case .folder(let f): f.name
        case .request(let r): r.name
        }
    }
}

/// An item-group: a folder with children in collection order.
public struct PostmanFolder: Hashable, Sendable {
    public var name: String
    public var description: RichText?
    public var items: [PostmanItem]
    /// nil means "inherit from parent"; type `noauth` means explicitly none.
    public var auth: PostmanAuth?
    public var variables: [PostmanVariable]
    public var location: SourceLocation

    public init(name: String, description: RichText? = nil, items: [PostmanItem], auth: PostmanAuth? = nil,
                variables: [PostmanVariable] = [], location: SourceLocation) {
        self.name = name
        self.description = description
        self.items = items
        self.auth = auth
        self.variables = variables
        self.location = location
    }
}

/// A request item: its name, the request and the saved example responses.
public struct PostmanRequestItem: Hashable, Sendable {
    public var name: String
    public var description: RichText?
    public var request: PostmanRequest
    public var responses: [PostmanResponse]
    public var location: SourceLocation

    public init(name: String, description: RichText? = nil, request: PostmanRequest,
                responses: [PostmanResponse] = [], location: SourceLocation) {
        self.name = name
        self.description = description
        self.request = request
        self.responses = responses
        self.location = location
    }
}

/// The HTTP request of an item (or the original request of a saved example).
public struct PostmanRequest: Hashable, Sendable {
    /// Upper-cased; "GET" when the file gives none.
    public var method: String
    /// nil when the request has no URL at all.
    public var url: PostmanURL?
    public var headers: [PostmanKeyValue]
    public var body: PostmanBody?
    /// nil means "inherit from parent"; type `noauth` means explicitly none.
    public var auth: PostmanAuth?
    /// A description written on the request object (v2.0 style) rather than the item.
    public var description: RichText?

    public init(method: String = "GET", url: PostmanURL? = nil, headers: [PostmanKeyValue] = [],
                body: PostmanBody? = nil, auth: PostmanAuth? = nil, description: RichText? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.auth = auth
        self.description = description
    }
}

/// A request URL. `raw` is kept as written; the parts are filled from the object
/// form or parsed from `raw` when the file gives only a string.
public struct PostmanURL: Hashable, Sendable {
    public var raw: String?
    public var `protocol`: String?
    public var host: [String]?
    public var port: String?
    public var path: [String]?
    public var query: [PostmanKeyValue]
    public var hash: String?
    /// Path variables (`:name`) with values and descriptions.
    public var variables: [PostmanKeyValue]

    public init(raw: String? = nil, protocol: String? = nil, host: [String]? = nil, port: String? = nil,
                path: [String]? = nil, query: [PostmanKeyValue] = [], hash: String? = nil,
                variables: [PostmanKeyValue] = []) {
        self.raw = raw
        self.protocol = `protocol`
        self.host = host
        self.port = port
        self.path = path
        self.query = query
        self.hash = hash
        self.variables = variables
    }
}

/// A key/value row of Postman: header, query parameter, path variable, form field,
/// urlencoded field or auth parameter. `value` is nil where the file has no value
/// (a query key without `=`).
public struct PostmanKeyValue: Hashable, Sendable {
    public var key: String
    public var value: String?
    public var description: RichText?
    public var disabled: Bool
    /// Form-data only: "text" or "file".
    public var type: String?
    /// Form-data file fields: the file path(s), joined with ", " when several.
    public var src: String?
    public var contentType: String?

    public init(key: String, value: String?, description: RichText? = nil, disabled: Bool = false,
                type: String? = nil, src: String? = nil, contentType: String? = nil) {
        self.key = key
        self.value = value
        self.description = description
        self.disabled = disabled
        self.type = type
        self.src = src
        self.contentType = contentType
    }
}

/// An auth block: its type and parameters (v2.0 objects normalised to lists).
/// Values are literal strings as written (often `{{variable}}` references).
public struct PostmanAuth: Hashable, Sendable {
    public var type: String
    public var parameters: [PostmanKeyValue]

    public init(type: String, parameters: [PostmanKeyValue] = []) {
        self.type = type
        self.parameters = parameters
    }
}

/// A request body in one of Postman's modes.
public enum PostmanBody: Hashable, Sendable {
    case raw(text: String, language: String?)
    case urlencoded([PostmanKeyValue])
    case formData([PostmanKeyValue])
    case file(source: String?)
    case graphQL(query: String, variables: String?)
}

/// A saved example response.
public struct PostmanResponse: Hashable, Sendable {
    public var name: String
    public var code: Int?
    public var status: String?
    public var headers: [PostmanKeyValue]
    public var body: String?
    /// `_postman_previewlanguage` or a guess from Content-Type.
    public var language: String?
    public var originalRequest: PostmanRequest?

    public init(name: String, code: Int? = nil, status: String? = nil, headers: [PostmanKeyValue] = [],
                body: String? = nil, language: String? = nil, originalRequest: PostmanRequest? = nil) {
        self.name = name
        self.code = code
        self.status = status
        self.headers = headers
        self.body = body
        self.language = language
        self.originalRequest = originalRequest
    }
}

/// A collection or folder variable.
public struct PostmanVariable: Hashable, Sendable {
    public var key: String
    public var value: String
    /// Postman's type: string, boolean, number, any, secret.
    public var type: String?
    public var disabled: Bool

    public init(key: String, value: String, type: String? = nil, disabled: Bool = false) {
        self.key = key
        self.value = value
        self.type = type
        self.disabled = disabled
    }
}

/// A Postman environment file from `environments/`.
public struct PostmanEnvironment: Hashable, Sendable {
    public struct Value: Hashable, Sendable {
        public var key: String
        public var value: String
        public var enabled: Bool
        public var isSecret: Bool

        public init(key: String, value: String, enabled: Bool = true, isSecret: Bool = false) {
            self.key = key
            self.value = value
            self.enabled = enabled
            self.isSecret = isSecret
        }
    }

    public var name: String
    public var values: [Value]
    public var location: SourceLocation

    public init(name: String, values: [Value], location: SourceLocation) {
        self.name = name
        self.values = values
        self.location = location
    }
}
