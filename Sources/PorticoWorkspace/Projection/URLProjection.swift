import PorticoModel

/// Builds the URL a partner sees from a Postman URL: path variables substituted
/// as whole segments (`:id`, never the `:30` in `10:30`), only enabled query
/// parameters, the fragment kept, and variables resolved.
struct URLProjection {
    let resolve: (String) -> String

    func url(_ url: PostmanURL?) -> String {
        guard let url else { return "" }
        let withoutQuery = substitutePathVariables(in: base(of: url), url.variables)
        var text = withoutQuery
        let enabled = url.query.filter { !$0.disabled }
        if !enabled.isEmpty {
            text += "?" + enabled.map { q in q.value.map { "\(q.key)=\($0)" } ?? q.key }.joined(separator: "&")
        } else if url.query.isEmpty, let raw = url.raw, let q = Self.rawQuery(raw), !q.isEmpty {
            // A raw URL whose query was never split into parts: keep it as written.
            text += "?" + q
        }
        if let hash = url.hash ?? url.raw.flatMap(Self.rawHash) {
            text += "#" + hash
        }
        return resolve(text)
    }

    func pathVariables(_ url: PostmanURL?) -> [SiteParameter] {
        guard let url else { return [] }
        var declared = url.variables.map { v in
            SiteParameter(key: v.key, value: v.value.map(resolve), description: v.description, enabled: !v.disabled)
        }
        // A `:name` segment with no declaration is still a path variable to document.
        for name in Self.pathVariableNames(base(of: url)) where !declared.contains(where: { $0.key == name }) {
            declared.append(SiteParameter(key: name, value: nil))
        }
        return declared
    }

    func query(_ url: PostmanURL?) -> [SiteParameter] {
        (url?.query ?? []).map { q in
            SiteParameter(key: resolve(q.key), value: q.value.map(resolve), description: q.description, enabled: !q.disabled)
        }
    }

    /// Scheme, host, port and path, without query or fragment.
    private func base(of url: PostmanURL) -> String {
        if let raw = url.raw, !raw.isEmpty {
            return Self.cutQueryAndHash(raw)
        }
        var text = ""
        if let p = url.protocol, !p.isEmpty { text += p + "://" }
        text += (url.host ?? []).joined(separator: ".")
        if let port = url.port, !port.isEmpty { text += ":" + port }
        if let path = url.path, !path.isEmpty {
            text += "/" + path.joined(separator: "/")
        }
        return text
    }

    private func substitutePathVariables(in base: String, _ variables: [PostmanKeyValue]) -> String {
        guard base.contains(":") else { return base }
        let (prefix, path) = Self.splitAuthority(base)
        let segments = path.split(separator: "/", omittingEmptySubsequences: false).map { segment -> String in
            guard segment.hasPrefix(":"), segment.count > 1 else { return String(segment) }
            let name = String(segment.dropFirst())
            if let v = variables.first(where: { $0.key == name }), let value = v.value, !value.isEmpty {
                return value
            }
            return String(segment)
        }
        return prefix + segments.joined(separator: "/")
    }

    static func pathVariableNames(_ base: String) -> [String] {
        let (_, path) = splitAuthority(base)
        return path.split(separator: "/").compactMap { segment in
            guard segment.hasPrefix(":"), segment.count > 1 else { return nil }
            return String(segment.dropFirst())
        }
    }

    /// Splits `scheme://host:port` from the path so a port's colon is never read as a variable.
    static func splitAuthority(_ base: String) -> (String, String) {
        var rest = Substring(base)
        var prefix = ""
        if let range = rest.range(of: "://") {
            prefix = String(rest[..<range.upperBound])
            rest = rest[range.upperBound...]
        }
        guard let slash = rest.firstIndex(of: "/") else { return (prefix + rest, "") }
        return (prefix + rest[..<slash], String(rest[slash...]))
    }

    static func cutQueryAndHash(_ raw: String) -> String {
        var s = Substring(raw)
        if let i = s.firstIndex(of: "#") { s = s[..<i] }
        if let i = s.firstIndex(of: "?") { s = s[..<i] }
        return String(s)
    }

    static func rawQuery(_ raw: String) -> String? {
        var s = Substring(raw)
        if let i = s.firstIndex(of: "#") { s = s[..<i] }
        guard let q = s.firstIndex(of: "?") else { return nil }
        return String(s[s.index(after: q)...])
    }

    static func rawHash(_ raw: String) -> String? {
        guard let i = raw.firstIndex(of: "#") else { return nil }
        let hash = raw[raw.index(after: i)...]
        return hash.isEmpty ? nil : String(hash)
    }
}
