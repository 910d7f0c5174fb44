import PorticoModel

/// Small builders for template contexts, so page contexts read as data.
extension MustacheValue {
    static func str(_ s: String?) -> MustacheValue { s.map { .string($0) } ?? .null }
    static func list<T>(_ items: [T], _ transform: (T) -> MustacheValue) -> MustacheValue {
        .list(items.map(transform))
    }
    /// A string or nothing: empty strings are falsey in sections.
    static func nonEmpty(_ s: String?) -> MustacheValue {
        guard let s, !s.isEmpty else { return .null }
        return .string(s)
    }
}

/// Labels partners read for Postman's auth type names.
enum AuthLabels {
    static func label(_ type: String) -> String {
        switch type {
        case "basic": "Basic auth"
        case "bearer": "Bearer token"
        case "apikey": "API key"
        case "oauth2": "OAuth 2.0"
        case "oauth1": "OAuth 1.0"
        case "digest": "Digest auth"
        case "ntlm": "NTLM"
        case "awsv4": "AWS Signature Version 4"
        case "hawk": "Hawk"
        case "akamai", "edgegrid": "Akamai EdgeGrid"
        case "jwt": "JWT bearer"
        case "asap": "ASAP (Atlassian)"
        default: type
        }
    }
}

/// Reason phrases for saved examples that give a code but no status text.
enum HTTPStatus {
    static func reason(_ code: Int) -> String {
        switch code {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted"
        case 204: "No Content"
        case 301: "Moved Permanently"
        case 302: "Found"
        case 304: "Not Modified"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 409: "Conflict"
        case 415: "Unsupported Media Type"
        case 422: "Unprocessable Entity"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: ""
        }
    }
}
