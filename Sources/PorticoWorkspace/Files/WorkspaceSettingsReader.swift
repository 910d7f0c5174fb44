import Foundation
import PorticoModel

/// Reads `portico.yaml` (spec section 2) into `WorkspaceSettings`, strictly: an
/// unknown or misspelt key is an error, because `visibilty:` silently ignored would
/// publish what the team meant to hide.
public enum WorkspaceSettingsReader {
    static let keys = ["name", "description", "multipartner", "base_url", "default_environment",
                       "team", "show_email", "visibility"]
    static let memberKeys = ["name", "email", "role"]
    static let visibilityKeys = ["internal", "partners"]

    /// - Throws: `DiagnosticList` with every problem found (a YAML syntax error is one entry).
    public static func read(_ data: Data, path: String) throws -> WorkspaceSettings {
        let root: YAMLNode
        do {
            root = try YAMLParser.parse(data, path: path)
        } catch let diagnostic as Diagnostic {
            throw DiagnosticList([diagnostic])
        }
        let reader = YAMLValueReader(path: path)
        var settings = WorkspaceSettings(name: "", location: root.location(in: path))
        if root.isNull {
            reader.error("portico.yaml is empty; it needs at least `name` and `team`", at: root)
        } else if let fields = reader.fields(of: root, in: "portico.yaml", allowed: keys) {
            readTop(fields, into: &settings, reader: reader)
        }
        try reader.throwIfNeeded()
        return settings
    }

    private static func readTop(_ fields: YAMLFields, into settings: inout WorkspaceSettings, reader: YAMLValueReader) {
        if let node = reader.required("name", in: fields), let name = reader.string(node, named: "name") {
            if name.value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                reader.error("`name` must not be empty", at: node)
            }
            settings.name = name.value
        }
        if let node = fields.optional("description") {
            let description = reader.string(node, named: "description")
            settings.description = description?.value
            settings.descriptionLocation = description?.location
        }
        if let node = fields.value("multipartner") {
            settings.multipartnerGiven = true
            settings.multipartnerLocation = node.location(in: reader.path)
            settings.multipartner = reader.bool(node, named: "multipartner") ?? false
        }
        if let node = fields.optional("base_url"), let url = reader.string(node, named: "base_url") {
            if isAbsoluteHTTPURL(url.value) {
                settings.baseURL = url.value
            } else {
                reader.error("`base_url` must be an absolute http:// or https:// URL without a query, fragment or "
                             + "password, found `\(url.value)`", at: node)
            }
        }
        if let node = fields.optional("default_environment") {
            settings.defaultEnvironment = reader.string(node, named: "default_environment")
        }
        if let node = fields.value("show_email") {
            settings.showEmail = reader.bool(node, named: "show_email") ?? false
        }
        if let node = reader.required("team", in: fields) {
            settings.team = TeamReader.read(node, reader: reader)
        }
        if let node = fields.protective("visibility", reader: reader) {
            readVisibility(node, into: &settings, reader: reader)
        }
    }

    private static func readVisibility(_ node: YAMLNode, into settings: inout WorkspaceSettings, reader: YAMLValueReader) {
        guard let fields = reader.fields(of: node, in: "`visibility`", allowed: visibilityKeys) else { return }
        if let internalNode = fields.protective("internal", reader: reader) {
            settings.internalSelectors = reader.stringList(internalNode, named: "internal", of: "selectors") ?? []
        }
        guard let partnersNode = fields.protective("partners", reader: reader),
              let selectors = reader.fields(of: partnersNode, in: "`visibility.partners`", allowed: nil)
        else { return }
        for (selector, pair) in selectors.entries {
            let slugs = reader.stringList(pair.value, named: selector, of: "partner slugs, like [globex]") ?? []
            settings.partnerSelectors.append(PartnerSelector(
                selector: Located(selector, at: pair.key.location(in: reader.path)), partners: slugs))
        }
    }

    /// `base_url` ends up in sitemaps and feeds, which need absolute links.
    static func isAbsoluteHTTPURL(_ text: String) -> Bool {
        guard let components = URLComponents(string: text),
              let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
              let host = components.host, !host.isEmpty,
              // Every sitemap entry is base_url + a page path: a query, a fragment or a
              // user:password would be copied into each of them.
              components.query == nil, components.fragment == nil, components.user == nil, components.password == nil
        else { return false }
        return true
    }
}
