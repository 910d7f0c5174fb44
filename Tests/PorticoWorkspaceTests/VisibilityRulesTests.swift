import PorticoModel
import Testing
@testable import PorticoWorkspace

/// Who may see what (spec section 4): internal wins over everything, partner
/// restrictions narrow as they nest, docs front matter adds its own restriction.
@Suite("Visibility rules")
struct VisibilityRulesTests {
    private static let here = SourceLocation(path: "portico.yaml", line: 1, column: 1)

    private static func rules(hidden: [String] = [], partners: [(String, [String])] = []) -> VisibilityRules {
        let settings = WorkspaceSettings(
            name: "Acme",
            internalSelectors: hidden.map { Located($0, at: here) },
            partnerSelectors: partners.map { selector, slugs in
                PartnerSelector(selector: Located(selector, at: here), partners: slugs.map { Located($0, at: here) })
            },
            location: here)
        return VisibilityRules(settings: settings)
    }

    private static func path(_ text: String) -> [String] {
        text.split(separator: "/").map(String.init)
    }

    // MARK: - Reach

    @Test("with no rules, everything reaches every partner", arguments: [
        "collections/API", "collections/API/Folder/Request", "environments/Sandbox", "docs/guide",
    ])
    func noRules(_ path: String) {
        #expect(Self.rules().reach(of: Self.path(path)) == .everyone)
    }

    @Test("internal wins over a partner rule on the same item, its ancestor or its descendant", arguments: [
        // (internal selector, partner selector, path asked about)
        ("collections/API/Admin", "collections/API/Admin", "collections/API/Admin"),
        ("collections/API/Admin", "collections/API", "collections/API/Admin/Delete user"),
        ("collections/API", "collections/API/Admin", "collections/API/Admin"),
        ("collections/API/**", "collections/*/Admin", "collections/API/Admin/Delete user"),
        ("docs/runbook", "docs/runbook", "docs/runbook"),
    ])
    func internalWins(_ internalSelector: String, _ partnerSelector: String, _ path: String) {
        let rules = Self.rules(hidden: [internalSelector], partners: [(partnerSelector, ["globex"])])
        let reach = rules.reach(of: Self.path(path))
        #expect(reach == .internalOnly)
        #expect(!VisibilityRules.isVisible(reach, to: .partner("globex")))
        #expect(!VisibilityRules.isVisible(reach, to: .allPartners))
        #expect(VisibilityRules.isVisible(reach, to: .team))
    }

    @Test("an internal folder hides what is under it but not its siblings or parent")
    func internalScope() {
        let rules = Self.rules(hidden: ["collections/API/Admin"])
        #expect(rules.reach(of: Self.path("collections/API/Admin/Users/Delete")) == .internalOnly)
        #expect(rules.reach(of: Self.path("collections/API/Admin")) == .internalOnly)
        #expect(rules.reach(of: Self.path("collections/API")) == .everyone)
        #expect(rules.reach(of: Self.path("collections/API/Administration")) == .everyone)
        #expect(rules.reach(of: Self.path("collections/API/Charges/Admin")) == .everyone)
    }

    @Test("nested partner restrictions intersect: a nested rule can only narrow what its folder allows")
    func nestedRestrictionsIntersect() {
        let rules = Self.rules(partners: [
            ("collections/API/Beta", ["globex", "initech"]),
            ("collections/API/Beta/Gamma", ["initech", "umbrella"]),
        ])
        #expect(rules.reach(of: Self.path("collections/API/Beta/Other")) == .partners(["globex", "initech"]))
        #expect(rules.reach(of: Self.path("collections/API/Beta/Gamma/Request")) == .partners(["initech"]))
        #expect(rules.reach(of: Self.path("collections/API/Charges")) == .everyone)
        let gamma = rules.reach(of: Self.path("collections/API/Beta/Gamma"))
        #expect(VisibilityRules.isVisible(gamma, to: .partner("initech")))
        // Listed by the inner rule but not the outer one: the outer folder already excludes it.
        #expect(!VisibilityRules.isVisible(gamma, to: .partner("umbrella")))
        #expect(!VisibilityRules.isVisible(gamma, to: .partner("globex")))
    }

    @Test("disjoint nested restrictions leave no partner at all")
    func disjointRestrictions() {
        let rules = Self.rules(partners: [("collections/API/Beta", ["globex"]), ("collections/API/Beta/X", ["initech"])])
        let reach = rules.reach(of: Self.path("collections/API/Beta/X"))
        #expect(reach == .partners([]))
        for slug in ["globex", "initech"] {
            #expect(!VisibilityRules.isVisible(reach, to: .partner(slug)))
        }
        #expect(VisibilityRules.isVisible(reach, to: .team))
    }

    @Test("rules written in either order give the same reach")
    func orderDoesNotMatter() {
        let a = Self.rules(partners: [("collections/API/Beta", ["globex", "initech"]), ("collections/API/**", ["initech"])])
        let b = Self.rules(partners: [("collections/API/**", ["initech"]), ("collections/API/Beta", ["globex", "initech"])])
        for path in ["collections/API", "collections/API/Beta", "collections/API/Beta/Create", "collections/API/Other"] {
            #expect(a.reach(of: Self.path(path)) == b.reach(of: Self.path(path)))
        }
        #expect(a.reach(of: Self.path("collections/API/Beta/Create")) == .partners(["initech"]))
    }

    // MARK: - Docs front matter

    @Test("a docs page marked internal in its front matter is internal even if a rule shares it with partners")
    func frontMatterInternal() {
        let rules = Self.rules(partners: [("docs/guides", ["globex"])])
        let reach = rules.reach(of: Self.path("docs/guides/setup"), isInternal: true, partners: ["globex"])
        #expect(reach == .internalOnly)
        #expect(!VisibilityRules.isVisible(reach, to: .partner("globex")))
    }

    @Test("a docs page's front matter partners restrict it on their own")
    func frontMatterPartners() {
        let reach = Self.rules().reach(of: Self.path("docs/setup"), partners: ["globex"])
        #expect(reach == .partners(["globex"]))
        #expect(VisibilityRules.isVisible(reach, to: .partner("globex")))
        #expect(!VisibilityRules.isVisible(reach, to: .partner("initech")))
    }

    @Test("front matter partners and a workspace rule intersect")
    func frontMatterIntersectsRules() {
        let rules = Self.rules(partners: [("docs/**", ["globex", "initech"])])
        #expect(rules.reach(of: Self.path("docs/setup"), partners: ["initech", "umbrella"]) == .partners(["initech"]))
        #expect(rules.reach(of: Self.path("docs/setup")) == .partners(["globex", "initech"]))
    }

    @Test("an internal selector hides a docs page whatever its front matter says")
    func internalSelectorBeatsFrontMatter() {
        let rules = Self.rules(hidden: ["docs/runbook"])
        #expect(rules.reach(of: Self.path("docs/runbook"), partners: ["globex"]) == .internalOnly)
    }

    // MARK: - Audiences

    static let everyReach: [VisibilityRules.Reach] = [
        .everyone, .internalOnly, .partners([]), .partners(["globex"]), .partners(["globex", "initech"]),
    ]

    @Test("the team preview sees everything", arguments: everyReach)
    func teamSeesAll(_ reach: VisibilityRules.Reach) {
        #expect(VisibilityRules.isVisible(reach, to: .team))
    }

    @Test("the shared site shows only what every partner may see", arguments: everyReach)
    func sharedSite(_ reach: VisibilityRules.Reach) {
        #expect(VisibilityRules.isVisible(reach, to: .allPartners) == (reach == .everyone))
    }

    @Test("a partner sees what is for everyone and what lists it, never internal content", arguments: everyReach)
    func partnerSite(_ reach: VisibilityRules.Reach) {
        let expected: Bool = switch reach {
        case .everyone: true
        case .internalOnly: false
        case .partners(let slugs): slugs.contains("globex")
        }
        #expect(VisibilityRules.isVisible(reach, to: .partner("globex")) == expected)
    }

    // MARK: - Badges

    @Test("preview badges say who can see an item, partners by name in a stable order", arguments: [
        (VisibilityRules.Reach.everyone, "All partners"),
        (.internalOnly, "Internal"),
        (.partners([]), "No partner"),
        (.partners(["globex"]), "Only Globex Corporation"),
        (.partners(["initech", "globex"]), "Only Globex Corporation, Initech"),
        // A slug with no partner file still shows, as its slug.
        (.partners(["zeta", "globex"]), "Only Globex Corporation, zeta"),
    ])
    func badges(_ reach: VisibilityRules.Reach, _ expected: String) {
        let names = ["globex": "Globex Corporation", "initech": "Initech"]
        #expect(VisibilityRules.badge(reach, partnerNames: names) == expected)
    }

    @Test("rules built from the same settings are equal; different rules are not")
    func equality() {
        #expect(Self.rules(hidden: ["docs/a"]) == Self.rules(hidden: ["docs/a"]))
        #expect(Self.rules(hidden: ["docs/a"]) != Self.rules(hidden: ["docs/b"]))
        #expect(Self.rules(partners: [("docs/a", ["x"])]) != Self.rules(partners: [("docs/a", ["y"])]))
    }
}
