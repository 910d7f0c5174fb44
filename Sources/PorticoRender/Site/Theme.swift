import PorticoModel

/// The templates and static assets a site is rendered with: the default theme with
/// any of the workspace's `templates/` files laid over it, parsed once per build.
public struct Theme: Sendable {
    /// Template sources by name without extension (`layout`, `request`, …).
    public var templates: [String: MustacheTemplate]
    /// Static files copied into every site under `_theme/` (css, js, images).
    public var assets: [OutputFile]

    /// Builds a theme from files by their path relative to the theme folder:
    /// `*.mustache` are templates, everything under `assets/` is copied.
    public static func from(files: [String: String], requireAll: Bool = true) throws -> Theme {
        var templates: [String: MustacheTemplate] = [:]
        var assets: [OutputFile] = []
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            if path.hasSuffix(".mustache") {
                let name = String(path.dropLast(".mustache".count))
                do {
                    templates[name] = try MustacheTemplate(source: text, name: path)
                } catch let error as MustacheError {
                    throw Diagnostic.error(error.message, at: SourceLocation(path: "templates/" + path, line: error.line,
                                                                             column: error.column))
                }
            } else if path.hasPrefix("assets/") {
                assets.append(OutputFile(path: "_theme/" + path.dropFirst("assets/".count), text: text))
            }
        }
        for required in Theme.requiredTemplates where requireAll && templates[required] == nil {
            throw Diagnostic.error("the theme has no \(required).mustache", at: SourceLocation(path: "templates/\(required).mustache"))
        }
        return Theme(templates: templates, assets: assets)
    }

    public static let requiredTemplates = ["layout", "overview", "team", "collection", "folder", "request", "doc",
                                           "search", "not-found", "environments"]

    /// Renders a named template; partials are the theme's other templates.
    func render(_ name: String, _ context: MustacheValue) -> String {
        guard let template = templates[name] else { return "" }
        return template.render(context) { templates[$0] }
    }
}
