import Foundation
import PorticoModel
import PorticoRender
import PorticoWorkspace
import Testing
@testable import PorticoCLI

/// The leak guard on its own, fed sites that are wrong on purpose: it is the second
/// wall, so it has to catch what gets past the projection (a projection fault, the
/// team's assets and template overrides, case variants, file names) without crying
/// wolf on a site that is right.
@Suite("Isolation: the leak guard catches what gets past the projection")
struct IsolationLeakGuardTests {
    static let files: [String: String] = [
        "portico.yaml": """
            name: Guard Workspace
            multipartner: true
            default_environment: Sandbox
            team:
              - name: Tess Lead
                email: tess.lead@team-guard.example
                role: admin
            visibility:
              internal:
                - collections/Orders API/Overview
                - collections/Orders API/Refund tooling ZQINTERNAL
                - environments/Staging
              partners:
                collections/Orders API/Pilot ZQPILOT: [beta]
            """,
        "partners/alpha.yaml": """
            name: Alpha Holdings
            members:
              - name: Ann Alphason
                email: ann@alpha-guard.example
            environment:
              client_id: alpha-client-4411
            """,
        "partners/beta.yaml": """
            name: Beta Brothers Ltd
            members:
              - name: Bert Betason
                email: bert@beta-guard.example
            environment:
              client_id: beta-client-9922
            """,
        "environments/sandbox.json": """
            {"name": "Sandbox", "values": [
              {"key": "base_url", "value": "https://sandbox.guard.example", "enabled": true},
              {"key": "api_key", "value": "sk_guard_secret_7788", "type": "secret", "enabled": true}]}
            """,
        "environments/staging.json": """
            {"name": "Staging", "values": [
              {"key": "base_url", "value": "https://staging-zqhidden.guard.example", "enabled": true}]}
            """,
        "collections/orders.json": """
            {"info": {"name": "Orders API", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
             "item": [
              {"name": "List orders", "request": {"method": "GET", "url": "{{base_url}}/orders?client={{client_id}}"},
               "description": "Lists orders. Authenticate with {{api_key}}."},
              {"name": "Overview", "item": [
                {"name": "Overview of all tenants", "request": {"method": "GET", "url": "{{base_url}}/tenants"}}]},
              {"name": "Refund tooling ZQINTERNAL", "item": [
                {"name": "Force refund ZQINTERNAL", "request": {"method": "POST", "url": "{{base_url}}/force"}}]},
              {"name": "Pilot ZQPILOT", "item": [
                {"name": "Pilot call ZQPILOT", "request": {"method": "GET", "url": "{{base_url}}/pilot"}}]}
             ]}
            """,
        "comments/orders.yaml": """
            target: collections/Orders API/List orders
            thread:
              - author: tess.lead@team-guard.example
                text: ZQCOMMENT should this page mention paging?
            """,
    ]

    static func workspace(_ changes: [String: String] = [:]) throws -> Workspace {
        let all = files.merging(changes) { _, new in new }
        return try WorkspaceLoader.load(SourceTree(files: all.mapValues { Data($0.utf8) }))
    }

    static func rendered(_ site: PartnerSite, overrides: [String: String] = [:]) throws -> [OutputFile] {
        try SiteRenderer(theme: DefaultTheme.load(overrides: overrides)).render(site)
    }

    /// The guard's findings, file by file (one call stops after twenty findings).
    static func leaks(_ workspace: Workspace, _ files: [OutputFile], site: PartnerSite, as slug: String) -> [String] {
        let guardrail = LeakGuard(workspace: workspace)
        let canaries = guardrail.canaries(site: site, for: .partner(slug))
        return files.flatMap { guardrail.check([$0], site: site, canaries: canaries).map(\.message) }
    }

    @Test("a right site raises no alarm, though an internal folder is named like the theme's Overview")
    func rightSiteIsClean() throws {
        let ws = try Self.workspace()
        for slug in ["alpha", "beta"] {
            let site = SiteProjection.project(ws, for: .partner(slug))
            #expect(Self.leaks(ws, try Self.rendered(site), site: site, as: slug) == [], "\(slug)")
        }
    }

    /// The hole this suite was written for: the guard used to excuse whatever the
    /// projected site itself held, so a projection that let hidden content in also
    /// excused it. Here the team's projection (everything) is published as alpha's.
    @Test("a projection fault that puts everything into alpha's site is caught, item by item")
    func projectionFaultIsCaught() throws {
        let ws = try Self.workspace()
        var site = SiteProjection.project(ws, for: .team)
        site.folder = "alpha"
        site.preview = nil
        let messages = Self.leaks(ws, try Self.rendered(site), site: site, as: "alpha").joined(separator: "\n")
        for expected in ["Beta Brothers Ltd", "Bert Betason", "Refund tooling ZQINTERNAL",
                         "Force refund ZQINTERNAL", "Pilot ZQPILOT", "Staging",
                         // Environment values are named by key; the log never prints them.
                         "the value `base_url` of hidden environment Staging"] {
            #expect(messages.contains(expected), "not caught: \(expected)\n\(messages)")
        }
        #expect(!messages.contains("staging-zqhidden"), "a value was printed:\n\(messages)")
    }

    @Test("a comment that reaches a page is caught")
    func commentIsCaught() throws {
        let ws = try Self.workspace()
        var site = SiteProjection.project(ws, for: .team)
        site.folder = "alpha"
        let messages = Self.leaks(ws, try Self.rendered(site), site: site, as: "alpha").joined(separator: "\n")
        #expect(messages.contains("a team comment"), "\(messages)")
    }

    @Test("the team's assets are copied unfiltered, so the guard reads them, file names included")
    func assetsAreScanned() throws {
        let ws = try Self.workspace(["assets/partners.txt": "Thanks to Beta Brothers Ltd for piloting.\n"])
        let site = SiteProjection.project(ws, for: .partner("alpha"))
        #expect(Self.leaks(ws, try Self.rendered(site), site: site, as: "alpha")
            .contains { $0.contains("assets/partners.txt") && $0.contains("the name of partner beta") })

        let named = try Self.workspace(["assets/logo-for-BETA-BROTHERS-LTD.svg": "<svg/>",
                                        "assets/beta brothers ltd.txt": "hello\n"])
        let namedSite = SiteProjection.project(named, for: .partner("alpha"))
        let messages = Self.leaks(named, try Self.rendered(namedSite), site: namedSite, as: "alpha")
        #expect(messages.contains { $0.contains("beta brothers ltd.txt") }, "\(messages)")
    }

    @Test("names and emails are caught in any letter case; a template override's literal text is caught")
    func caseVariantsAreCaught() throws {
        let ws = try Self.workspace()
        let site = SiteProjection.project(ws, for: .partner("alpha"))
        let footer = "<footer>Also trusted by BETA BROTHERS LTD · write to Bert@Beta-Guard.example</footer>"
        let layout = try String(contentsOf: DefaultTheme.directory()!.appendingPathComponent("layout.mustache"),
                                encoding: .utf8).replacingOccurrences(of: "</body>", with: footer + "</body>")
        let messages = Self.leaks(ws, try Self.rendered(site, overrides: ["layout.mustache": layout]),
                                  site: site, as: "alpha").joined(separator: "\n")
        #expect(messages.contains("the name of partner beta"), "\(messages)")
        #expect(messages.contains("an email of partner beta"), "\(messages)")
    }

    /// Text the team wrote into something alpha may see is, by the false-alarm rule,
    /// legitimately alpha's, except for emails and secret values, which are never a
    /// coincidence: a live key in a saved example or another partner's contact in a
    /// description is a leak however it got there.
    @Test("a secret value or another partner's email is caught even inside text alpha may see")
    func strongCanariesIgnoreTheAllowRule() throws {
        let orders = Self.files["collections/orders.json"]!.replacingOccurrences(
            of: "Lists orders.", with: "Lists orders. Ask bert@beta-guard.example; our key is sk_guard_secret_7788.")
        let ws = try Self.workspace(["collections/orders.json": orders])
        let site = SiteProjection.project(ws, for: .partner("alpha"))
        let messages = Self.leaks(ws, try Self.rendered(site), site: site, as: "alpha").joined(separator: "\n")
        #expect(messages.contains("an email of partner beta"), "\(messages)")
        #expect(messages.contains("the secret `api_key` of environment Sandbox"), "\(messages)")
    }

    @Test("another partner's full name, member or identifier written into text alpha sees is a leak", arguments: [
        "as Beta Brothers Ltd asked", "ask Bert Betason", "use beta-client-9922 to try",
    ])
    func multiWordNameInVisibleTextIsALeak(_ phrase: String) throws {
        let orders = Self.files["collections/orders.json"]!.replacingOccurrences(
            of: "Lists orders.", with: "Lists orders, \(phrase).")
        let ws = try Self.workspace(["collections/orders.json": orders])
        let site = SiteProjection.project(ws, for: .partner("alpha"))
        let messages = Self.leaks(ws, try Self.rendered(site), site: site, as: "alpha").joined(separator: "\n")
        #expect(messages.contains("partner beta"), "\(messages)")
        #expect(messages.contains("nothing was published"), "\(messages)")
    }

    /// A one-word name can be an ordinary word: a partner named `Square` beside
    /// "square brackets". Where the team wrote it into text alpha sees, it passes.
    @Test("a one-word name written into text alpha sees is not flagged (the false-alarm rule)")
    func oneWordNameIsNotFlagged() throws {
        let beta = Self.files["partners/beta.yaml"]!.replacingOccurrences(of: "Beta Brothers Ltd", with: "Square")
        let orders = Self.files["collections/orders.json"]!.replacingOccurrences(
            of: "Lists orders.", with: "Lists orders; wrap ids in square brackets. Beta features are marked.")
        let ws = try Self.workspace(["collections/orders.json": orders, "partners/beta.yaml": beta])
        let site = SiteProjection.project(ws, for: .partner("alpha"))
        #expect(Self.leaks(ws, try Self.rendered(site), site: site, as: "alpha") == [])
    }

    @Test("a slug is found as a word, not inside a longer one")
    func slugsMatchWholeWords() throws {
        let ws = try Self.workspace()
        let site = SiteProjection.project(ws, for: .partner("alpha"))
        var files = try Self.rendered(site)
        files.append(OutputFile(path: "notes.html", text: "<p>alphabetical betamax, tabbeta</p>"))
        #expect(Self.leaks(ws, files, site: site, as: "alpha") == [])
        files.append(OutputFile(path: "more.html", text: "<p>see /beta/index.html</p>"))
        let messages = Self.leaks(ws, files, site: site, as: "alpha").joined(separator: "\n")
        #expect(messages.contains("more.html contains the slug of partner beta"), "\(messages)")
    }

    @Test("a leaked secret or environment value is named by its key, never printed")
    func secretsAreNotPrinted() throws {
        let ws = try Self.workspace()
        let site = SiteProjection.project(ws, for: .partner("alpha"))
        var files = try Self.rendered(site)
        files.append(OutputFile(path: "oops.html", text: "<p>sk_guard_secret_7788 beta-client-9922</p>"))
        let messages = Self.leaks(ws, files, site: site, as: "alpha").joined(separator: "\n")
        #expect(messages.contains("the secret `api_key` of environment Sandbox"), "\(messages)")
        #expect(messages.contains("the environment value `client_id` of partner beta"), "\(messages)")
        #expect(!messages.contains("sk_guard_secret_7788") && !messages.contains("beta-client-9922"), "\(messages)")
    }

    @Test("a case-insensitive pattern agrees with a naive lowercased search; a case-sensitive one stays exact")
    func matcherIgnoringCase() {
        var seed: UInt64 = 42
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        func word(_ length: Int) -> String { String((0..<length).map { _ in Array("aAbB")[next(4)] }) }
        for _ in 0..<300 {
            let patterns = (0..<6).map { _ in word(4 + next(3)) }
            let ignoring = patterns.indices.map { _ in next(2) == 0 }
            let text = word(next(50))
            let expected = Set(patterns.indices.filter {
                ignoring[$0] ? text.lowercased().contains(patterns[$0].lowercased()) : text.contains(patterns[$0])
            })
            let found = CanaryMatcher(patterns, ignoringCase: ignoring).matches(in: Array(text.utf8))
            #expect(found == expected, "\(patterns) \(ignoring) in \(text)")
        }
        #expect(CanaryMatcher(["Glöbex"], ignoringCase: [true]).matches(in: Array("GLöBEX".utf8)) == [0])
    }

    @Test("strings shorter than four characters are never searched for")
    func shortStringsAreSkipped() throws {
        let ws = try Self.workspace(["partners/beta.yaml": "name: Bo\n"])
        let canaries = ForbiddenStrings.list(ws, for: .partner("alpha")).map(\.text)
        #expect(!canaries.contains("Bo"))
        #expect(canaries.allSatisfy { $0.count >= 4 })
    }
}
