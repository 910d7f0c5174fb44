import Foundation
import PorticoModel
import PorticoWorkspace

/// Every text an audience may legitimately see, joined into one searchable blob, so
/// the leak guard does not fire on a coincidence with something the audience may
/// see (an internal folder named like a visible request).
///
/// It is read from the workspace and the visibility rules, never from the projected
/// `PartnerSite`: read from the projection, a projection fault that let a hidden
/// folder or another partner into a site would also mark that content as
/// "legitimately seen", and the guard could never catch the very leak it exists for.
/// The text of every collection item is gathered once per build; each audience then
/// takes the items it may see.
struct AllowedText: Sendable {
    let workspace: Workspace
    private let collections: [Node]

    /// One collection, folder or request: its path of names, its own texts, its children.
    private struct Node: Sendable {
        var path: [String]
        var texts: [String]
        var children: [Node]
    }

    init(_ workspace: Workspace) {
        self.workspace = workspace
        collections = workspace.collections.map { c in
            let path = ["collections", c.name]
            var texts = [c.name, c.description?.text ?? ""]
            Self.add(c.auth, c.variables, to: &texts)
            return Node(path: path, texts: texts, children: c.items.map { Self.node($0, under: path) })
        }
    }

    func text(for audience: Audience) -> String {
        let settings = workspace.settings
        let rules = VisibilityRules(settings: settings)
        func visible(_ path: [String]) -> Bool { VisibilityRules.isVisible(rules.reach(of: path), to: audience) }

        var parts: [String] = [settings.name, settings.description ?? "", settings.baseURL ?? ""]
        for member in settings.team {
            parts += [member.name, member.role.rawValue]
            if settings.showEmail { parts.append(member.email ?? "") }
        }
        for partner in Self.partners(workspace, for: audience) {
            parts += [partner.name, partner.slug]
            for member in partner.members {
                parts.append(member.name)
                if settings.showEmail { parts.append(member.email ?? "") }
            }
            for (key, value) in partner.environmentPairs { parts += [key, value] }
        }
        for env in workspace.environments where visible(["environments", env.name]) {
            parts.append(env.name)
            for value in env.values where value.enabled {
                parts.append(value.key)
                if !value.isSecret { parts.append(value.value) }
            }
        }
        for page in workspace.docs {
            let path = ["docs"] + page.slug.split(separator: "/").map(String.init)
            let reach = rules.reach(of: path, isInternal: page.isInternal,
                                    partners: page.partners.map { Set($0.map(\.value)) })
            if VisibilityRules.isVisible(reach, to: audience) { parts += [page.title, page.slug, page.body] }
        }
        func walk(_ node: Node) {
            guard visible(node.path) else { return }
            parts += node.texts
            node.children.forEach(walk)
        }
        collections.forEach(walk)
        return parts.joined(separator: "\u{1F}")
    }

    /// The partners an audience sees: itself in multipartner mode, all of them in the shared site.
    static func partners(_ workspace: Workspace, for audience: Audience) -> [PartnerFile] {
        switch audience {
        case .partner(let slug): workspace.partners.filter { $0.slug == slug }
        case .allPartners, .team: workspace.partners
        }
    }

    private static func node(_ item: PostmanItem, under parent: [String]) -> Node {
        let path = parent + [item.name]
        switch item {
        case .folder(let f):
            var texts = [f.name, f.description?.text ?? ""]
            add(f.auth, f.variables, to: &texts)
            return Node(path: path, texts: texts, children: f.items.map { node($0, under: path) })
        case .request(let r):
            var texts = [r.name, r.description?.text ?? ""]
            add(r.request, to: &texts)
            for example in r.responses {
                texts += [example.name, example.status ?? "", example.body ?? ""]
                add(example.headers, to: &texts)
            }
            return Node(path: path, texts: texts, children: [])
        }
    }

    private static func add(_ request: PostmanRequest, to texts: inout [String]) {
        texts += [request.method, request.description?.text ?? ""]
        if let url = request.url {
            texts += [url.raw ?? "", url.protocol ?? "", url.port ?? "", url.hash ?? ""]
            texts += (url.host ?? []) + (url.path ?? [])
            add(url.query + url.variables, to: &texts)
        }
        add(request.headers, to: &texts)
        switch request.body {
        case .raw(let text, let language)?: texts += [text, language ?? ""]
        case .urlencoded(let fields)?, .formData(let fields)?: add(fields, to: &texts)
        case .file(let source)?: texts.append(source ?? "")
        case .graphQL(let query, let variables)?: texts += [query, variables ?? ""]
        case nil: break
        }
        add(request.auth, [], to: &texts)
    }

    private static func add(_ auth: PostmanAuth?, _ variables: [PostmanVariable], to texts: inout [String]) {
        if let auth {
            texts.append(auth.type)
            add(auth.parameters, to: &texts)
        }
        // A secret variable's value is never shown; the rest are, resolved into the pages.
        for v in variables where !v.disabled {
            texts.append(v.key)
            if v.type != "secret" { texts.append(v.value) }
        }
    }

    private static func add(_ pairs: [PostmanKeyValue], to texts: inout [String]) {
        for p in pairs {
            texts += [p.key, p.value ?? "", p.description?.text ?? "", p.src ?? "", p.contentType ?? ""]
        }
    }
}
