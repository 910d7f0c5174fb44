import Foundation
import PorticoModel

/// Auth blocks in v2.1 array form, with literal credentials blanked.
extension PostmanWriter {
    static func auth(_ auth: PostmanAuth) -> JSONValue {
        guard auth.type != "noauth" else { return .object([("type", .string("noauth"))]) }
        let attributes = auth.parameters.map { parameter -> JSONValue in
            let value = parameter.value ?? ""
            let kept = PostmanCredentialPolicy.mayPublish(value, key: parameter.key, authType: auth.type)
                ? value : PostmanCredentialPolicy.blank(key: parameter.key)
            return .object([
                ("key", .string(parameter.key)),
                ("value", attributeValue(kept, type: parameter.type)),
                ("type", .string(parameter.type ?? "string")),
            ])
        }
        return .object([("type", .string(auth.type)), (auth.type, .array(attributes))])
    }

    /// Booleans, numbers and lists go back to their JSON type (`showPassword: false`,
    /// oauth2 `authRequestParams: []`); everything else stays a string.
    private static func attributeValue(_ value: String, type: String?) -> JSONValue {
        switch type {
        case "boolean" where value == "true" || value == "false":
            return .bool(value == "true")
        case "number", "any":
            // Only numbers and containers change type; "any" text stays text.
            guard let parsed = try? JSONParser.parse(value, path: "") else { return .string(value) }
            switch parsed.kind {
            case .number where type == "number", .array where type == "any", .object where type == "any":
                return parsed.value
            default:
                return .string(value)
            }
        default:
            return .string(value)
        }
    }
}

/// Which auth attribute values may appear in a download. A credential attribute
/// (password, token, secret, …) keeps its value only when the value is purely a
/// `{{variable}}` reference, so the partner fills in their own; a literal credential
/// a team member typed into the collection becomes "".
public enum PostmanCredentialPolicy {
    /// Attribute names (lower-cased) that hold a credential in Postman's auth helpers.
    static let credentialKeys: Set<String> = [
        "password", "token", "accesstoken", "refreshtoken", "idtoken", "id_token", "secret", "clientsecret",
        "client_secret", "consumersecret", "tokensecret", "secretkey", "sessiontoken", "privatekey", "authkey",
        "clienttoken", "accesskey", "apikey", "api_key", "code_verifier", "signature",
        // oauth2's extra request parameters are lists that carry `client_secret` and
        // the like among harmless ones; a list written out literally is withheld whole.
        "tokenrequestparams", "authrequestparams", "refreshrequestparams",
    ]

    /// What a withheld credential becomes in a download: empty, or an empty list for
    /// the list-valued oauth2 parameters, so Postman still reads the attribute.
    static func blank(key: String) -> String {
        key.lowercased().hasSuffix("requestparams") ? "[]" : ""
    }

    static func mayPublish(_ value: String, key: String, authType: String) -> Bool {
        guard isCredential(key: key, authType: authType) else { return true }
        return isPlaceholder(value)
    }

    /// A value that holds no credential of its own: empty, an empty list, or only a
    /// `{{variable}}` the partner fills in.
    static func isPlaceholder(_ value: String) -> Bool {
        value.isEmpty || value == "[]" || isPureReference(value)
    }

    static func isCredential(key: String, authType: String) -> Bool {
        let name = key.lowercased()
        // API key auth stores the header/query *name* in `key` and the credential in `value`.
        if authType == "apikey" { return name == "value" }
        return credentialKeys.contains(name) || name.contains("password") || name.contains("secret")
    }

    /// `{{name}}` and nothing else (surrounding spaces allowed).
    public static func isPureReference(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("{{"), trimmed.hasSuffix("}}"), trimmed.count > 4 else { return false }
        let inner = trimmed.dropFirst(2).dropLast(2)
        return !inner.contains("{") && !inner.contains("}")
    }
}
