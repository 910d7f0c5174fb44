import Foundation
import PorticoModel

/// Resolves which auth applies to a request (its own, else the nearest folder's,
/// else the collection's; `noauth` stops the search) and what of it a partner may
/// see. Credential fields (passwords, tokens, secrets, key values) are never
/// resolved: they show the `{{variable}}` they are written with, and a credential
/// typed literally into the collection shows as a `<placeholder>`.
struct AuthProjection {
    let resolve: (String) -> String

    /// One auth level on the way from the request up to the collection.
    struct Level: Equatable {
        var auth: PostmanAuth?
        var ownerName: String
    }

    /// `levels` runs from the request itself outwards to the collection.
    func effective(_ levels: [Level]) -> SiteAuth? {
        for (depth, level) in levels.enumerated() {
            guard let auth = level.auth else { continue }
            if auth.type == "noauth" || auth.type.isEmpty { return nil }
            return site(auth, inheritedFrom: depth == 0 ? nil : level.ownerName)
        }
        return nil
    }

    func site(_ auth: PostmanAuth, inheritedFrom: String? = nil) -> SiteAuth? {
        if auth.type == "noauth" || auth.type.isEmpty { return nil }
        let parameters = auth.parameters.map { p -> SiteParameter in
            let value = p.value ?? ""
            let shown = Self.isCredential(type: auth.type, key: p.key)
                ? Self.credentialDisplay(value, key: p.key)
                : resolve(value)
            return SiteParameter(key: p.key, value: shown)
        }
        return SiteAuth(type: auth.type, parameters: parameters, inheritedFrom: inheritedFrom)
    }

    /// One list of credential attributes for pages, samples and downloads alike.
    static func isCredential(type: String, key: String) -> Bool {
        PostmanCredentialPolicy.isCredential(key: key, authType: type)
    }

    /// A credential shows only as the variable reference it is written with.
    static func credentialDisplay(_ value: String, key: String) -> String {
        PostmanCredentialPolicy.isPlaceholder(value) ? value : "<\(key)>"
    }
}
