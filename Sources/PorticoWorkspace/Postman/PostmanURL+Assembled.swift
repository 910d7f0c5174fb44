import PorticoModel

extension PostmanURL {
    /// The URL text assembled from its parts, for URL objects written without `raw`:
    /// `protocol://host:port/path?enabled-query#hash`. nil when there are no parts.
    public var assembledRaw: String? {
        var text = ""
        if let scheme = self.protocol, !scheme.isEmpty { text += scheme + "://" }
        text += (host ?? []).joined(separator: ".")
        if let port, !port.isEmpty { text += ":" + port }
        if let path, !path.isEmpty { text += "/" + path.joined(separator: "/") }
        // Postman's raw URL leaves out disabled query parameters.
        let query = query.filter { !$0.disabled }.map { row in row.value.map { "\(row.key)=\($0)" } ?? row.key }
        if !query.isEmpty { text += "?" + query.joined(separator: "&") }
        if let hash, !hash.isEmpty { text += "#" + hash }
        return text.isEmpty ? nil : text
    }
}
