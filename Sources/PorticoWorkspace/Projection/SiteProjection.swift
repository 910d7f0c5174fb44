import PorticoModel

/// The only producer of `PartnerSite`: `Workspace × Audience → PartnerSite`. Built
/// field by field (default deny): a field added to the workspace reaches no site
/// until it is added here.
public enum SiteProjection {
    /// The folder name of the shared site when multipartner mode is off.
    public static let sharedFolder = "partners"

    public static func project(_ workspace: Workspace, for audience: Audience,
                               cache: ProjectionCache = ProjectionCache()) -> PartnerSite {
        let settings = workspace.settings
        let rules = VisibilityRules(settings: settings)
        let partner: PartnerFile? = if case .partner(let slug) = audience { workspace.partner(slug) } else { nil }
        let environment = visibleDefaultEnvironment(workspace, rules: rules, audience: audience)
        let partnerValues = partner?.environmentPairs ?? []

        let requests = cache.requests(for: audience)
        requests.begin()
        var collectionSlugs = Slugger()
        let collections = workspace.collections.compactMap { collection -> SiteCollection? in
            let projection = CollectionProjection(rules: rules, audience: audience, environment: environment,
                                                  partnerValues: partnerValues, cache: cache,
                                                  requests: requests)
            guard VisibilityRules.isVisible(rules.reach(of: ["collections", collection.name]), to: audience) else {
                return nil
            }
            return projection.project(collection, slug: collectionSlugs.slug(for: collection.name))
        }

        let showEmail = settings.showEmail
        let team = settings.team.map { SitePerson(name: $0.name, role: $0.role.rawValue, email: showEmail ? $0.email : nil) }
        let shownPartners: [PartnerFile] = switch audience {
        case .partner: partner.map { [$0] } ?? []
        case .allPartners, .team: workspace.partners
        }
        let sitePartners = shownPartners.map { p in
            SitePartner(slug: p.slug, name: p.name,
                        members: p.members.map { SitePerson(name: $0.name, role: "viewer", email: showEmail ? $0.email : nil) })
        }

        return PartnerSite(
            folder: folder(for: audience),
            workspaceName: settings.name,
            workspaceDescription: settings.description.map { RichText($0) },
            audience: partner.flatMap { p in sitePartners.first { $0.slug == p.slug } },
            partners: sitePartners,
            team: team,
            collections: collections,
            docs: docs(workspace, rules: rules, audience: audience),
            environment: siteEnvironment(environment, partner: partner),
            otherEnvironments: otherEnvironments(workspace, rules: rules, audience: audience),
            baseURL: settings.baseURL,
            assets: workspace.assets,
            themeOverrides: workspace.templates,
            preview: audience == .team ? PreviewProjection.info(workspace, rules: rules) : nil)
    }

    /// Every environment but the default one that the audience may see, as written:
    /// disabled values left out, secrets blank.
    static func otherEnvironments(_ workspace: Workspace, rules: VisibilityRules, audience: Audience) -> [SiteEnvironment] {
        workspace.environments.filter { env in
            env.name != workspace.settings.defaultEnvironment?.value
                && VisibilityRules.isVisible(rules.reach(of: ["environments", env.name]), to: audience)
        }.map { env in
            SiteEnvironment(name: env.name,
                            values: env.values.filter(\.enabled).map {
                                SiteVariable(key: $0.key, value: $0.isSecret ? "" : $0.value, isSecret: $0.isSecret)
                            },
                            selector: SelectorPath.string(["environments", env.name]))
        }
    }

    public static func folder(for audience: Audience) -> String {
        switch audience {
        case .partner(let slug): slug
        case .allPartners: sharedFolder
        case .team: "preview"
        }
    }

    /// The default environment, if the audience may see it.
    static func visibleDefaultEnvironment(_ workspace: Workspace, rules: VisibilityRules, audience: Audience) -> PostmanEnvironment? {
        guard let env = workspace.defaultEnvironment else { return nil }
        let reach = rules.reach(of: ["environments", env.name])
        return VisibilityRules.isVisible(reach, to: audience) ? env : nil
    }

    /// The environment offered for download: enabled default values with secrets
    /// blank, the partner's own values layered over them.
    static func siteEnvironment(_ env: PostmanEnvironment?, partner: PartnerFile?) -> SiteEnvironment? {
        var values: [SiteVariable] = []
        for v in env?.values ?? [] where v.enabled {
            values.append(SiteVariable(key: v.key, value: v.isSecret ? "" : v.value, isSecret: v.isSecret))
        }
        for (key, value) in partner?.environmentPairs ?? [] {
            if let i = values.firstIndex(where: { $0.key == key }) {
                if !values[i].isSecret { values[i].value = value }
            } else {
                values.append(SiteVariable(key: key, value: value))
            }
        }
        guard env != nil || !values.isEmpty else { return nil }
        let name = env?.name ?? partner?.name ?? "Environment"
        return SiteEnvironment(name: name, values: values, selector: SelectorPath.string(["environments", name]))
    }

    static func docs(_ workspace: Workspace, rules: VisibilityRules, audience: Audience) -> [SiteDoc] {
        workspace.docs.compactMap { page -> SiteDoc? in
            let path = ["docs"] + page.slug.split(separator: "/").map(String.init)
            let reach = rules.reach(of: path, isInternal: page.isInternal,
                                    partners: page.partners.map { Set($0.map(\.value)) })
            guard VisibilityRules.isVisible(reach, to: audience) else { return nil }
            return SiteDoc(slug: page.slug, title: page.title, order: page.order, body: page.body,
                           selector: "docs/" + page.slug)
        }.sorted { a, b in
            switch (a.order, b.order) {
            case let (x?, y?) where x != y: return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: return (a.title, a.slug) < (b.title, b.slug)
            }
        }
    }
}
