import PorticoModel

/// Every text a site legitimately shows, joined into one searchable blob, so the
/// leak guard does not fire on a coincidence with something the audience may see.
enum AllowedText {
    static func of(_ site: PartnerSite) -> String {
        var parts: [String] = [site.workspaceName, site.workspaceDescription?.text ?? ""]
        for p in site.partners {
            parts += [p.name, p.slug]
            for m in p.members { parts += [m.name, m.email ?? ""] }
        }
        for t in site.team { parts += [t.name, t.role, t.email ?? ""] }
        for v in site.environment?.values ?? [] { parts += [v.key, v.value] }
        for d in site.docs { parts += [d.title, d.body, d.slug] }
        for c in site.collections {
            parts += [c.name, c.description?.text ?? ""]
            collect(c.items, into: &parts)
        }
        return parts.joined(separator: "\u{1F}")
    }

    private static func collect(_ items: [SiteItem], into parts: inout [String]) {
        for item in items {
            switch item {
            case .folder(let f):
                parts += [f.name, f.description?.text ?? ""]
                collect(f.items, into: &parts)
            case .request(let r):
                parts += [r.name, r.description?.text ?? "", r.url]
                for p in r.query + r.headers + r.pathVariables { parts += [p.key, p.value ?? "", p.description?.text ?? ""] }
                if case .raw(let text, _) = r.body { parts.append(text) }
                for e in r.examples { parts += [e.name, e.body ?? ""] }
            }
        }
    }
}
