import PorticoModel

/// The visibility settings of a workspace (spec section 4) as one value that
/// answers "may this audience see this path?". Internal wins over everything;
/// partner restrictions stack (every restriction covering an item must list the
/// partner), so a nested rule can only narrow what a folder allows.
public struct VisibilityRules: Hashable, Sendable {
    public var internalSelectors: [Selector]
    public var restrictions: [(selector: Selector, partners: Set<String>)]

    public static func == (a: VisibilityRules, b: VisibilityRules) -> Bool {
        a.internalSelectors == b.internalSelectors
            && a.restrictions.map(\.selector) == b.restrictions.map(\.selector)
            && a.restrictions.map(\.partners) == b.restrictions.map(\.partners)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(internalSelectors)
        for r in restrictions {
            hasher.combine(r.selector)
            hasher.combine(r.partners)
        }
    }

    public init(settings: WorkspaceSettings) {
        internalSelectors = settings.internalSelectors.map { Selector($0.value) }
        restrictions = settings.partnerSelectors.map { entry in
            (Selector(entry.selector.value), Set(entry.partners.map(\.value)))
        }
    }

    /// Who may see a path, before the audience is known.
    public enum Reach: Hashable, Sendable {
        case everyone
        case internalOnly
        case partners(Set<String>)
    }

    /// The reach of a path (`["collections", "API", "Folder", "Request"]`), with the
    /// extra restriction of a docs page's front matter where there is one.
    public func reach(of path: [String], isInternal: Bool = false, partners frontMatter: Set<String>? = nil) -> Reach {
        if isInternal || internalSelectors.contains(where: { $0.covers(path) }) { return .internalOnly }
        var allowed: Set<String>? = frontMatter
        for r in restrictions where r.selector.covers(path) {
            allowed = allowed.map { $0.intersection(r.partners) } ?? r.partners
        }
        return allowed.map { .partners($0) } ?? .everyone
    }

    public static func isVisible(_ reach: Reach, to audience: Audience) -> Bool {
        switch (reach, audience) {
        case (_, .team): true
        case (.internalOnly, _): false
        case (.everyone, _): true
        case (.partners(let slugs), .partner(let slug)): slugs.contains(slug)
        // The shared site is seen by every partner, so something meant for only
        // some of them cannot go there.
        case (.partners, .allPartners): false
        }
    }

    /// The preview badge text for a reach.
    public static func badge(_ reach: Reach, partnerNames: [String: String]) -> String {
        switch reach {
        case .everyone: "All partners"
        case .internalOnly: "Internal"
        case .partners(let slugs):
            slugs.isEmpty ? "No partner"
                : "Only " + slugs.sorted().map { partnerNames[$0] ?? $0 }.joined(separator: ", ")
        }
    }
}
