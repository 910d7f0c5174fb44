import Foundation
import PorticoModel
import PorticoRender
import PorticoWorkspace
import Testing
@testable import PorticoCLI

/// The multi-string matcher the leak guard searches with.
@Suite("Leak guard: canary matcher")
struct CanaryMatcherTests {
    private func found(_ patterns: [String], in text: String) -> Set<String> {
        let matcher = CanaryMatcher(patterns)
        return Set(matcher.matches(in: Array(text.utf8)).map { patterns[$0] })
    }

    @Test("finds every pattern that occurs, once each, and none that does not")
    func findsAll() {
        let patterns = ["alpha", "gamma", "delta", "omega"]
        #expect(found(patterns, in: "xx alpha yy gamma alpha zz") == ["alpha", "gamma"])
        #expect(found(patterns, in: "nothing here").isEmpty)
    }

    @Test("finds overlapping patterns and patterns sharing a prefix")
    func overlapping() {
        #expect(found(["abcabc", "bcab", "cabc", "abca"], in: "abcabc") == ["abcabc", "bcab", "cabc", "abca"])
        #expect(found(["abcdX", "abcdY", "abcd"], in: "--abcdY--") == ["abcdY", "abcd"])
        #expect(found(["aaaa", "aaaaa"], in: "aaaa") == ["aaaa"])
    }

    @Test("finds a pattern at the very start and the very end of the text, and one equal to the text")
    func boundaries() {
        #expect(found(["start", "final"], in: "start of text, final") == ["start", "final"])
        #expect(found(["whole"], in: "whole") == ["whole"])
        #expect(found(["wholesome"], in: "whole").isEmpty)
        #expect(found(["text"], in: "tex").isEmpty)
    }

    @Test("patterns shorter than four bytes are ignored", arguments: ["", "a", "ab", "abc"])
    func shortPatterns(_ pattern: String) {
        #expect(found([pattern], in: "abcabc abc a").isEmpty)
    }

    @Test("a four-byte pattern of one non-ASCII letter pair is searched; multibyte names are found")
    func multibyte() {
        #expect(found(["éé"], in: "caféé") == ["éé"])
        #expect(found(["注文一覧", "Глобекс"], in: "<h1>注文一覧</h1> Глобекс") == ["注文一覧", "Глобекс"])
    }

    @Test("agrees with a naive search on many texts full of near misses")
    func agreesWithNaiveSearch() {
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ n: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(n))
        }
        func word(_ length: Int) -> String { String((0..<length).map { _ in "abc".randomElement(using: next) }) }
        for _ in 0..<200 {
            let patterns = (0..<8).map { _ in word(4 + next(4)) }
            let text = word(next(60))
            let expected = Set(patterns.filter { text.contains($0) })
            #expect(found(patterns, in: text) == expected, "\(patterns) in \(text)")
        }
    }
}

private extension String {
    func randomElement(using next: (Int) -> Int) -> Character {
        self[index(startIndex, offsetBy: next(count))]
    }
}

/// The decoded forms a leak could hide in.
@Suite("Leak guard: text variants")
struct TextVariantsTests {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("HTML entities are decoded: named, decimal and hexadecimal", arguments: [
        ("&#x41;&#X42;&#67;", "ABC"),
        ("&lt;b&gt; &amp; &quot;x&quot; &apos;", "<b> & \"x\" '"),
        ("Glo&#98;ex", "Globex"),
        ("&#x1F680;", "🚀"),
        ("&unknown; &#xZZ; & alone", "&unknown; &#xZZ; & alone"),
    ])
    func entities(_ input: String, _ expected: String) {
        #expect(text(TextVariants.htmlDecoded(Array(input.utf8))) == expected)
    }

    @Test("percent-encoding is decoded, also at the very end of the text", arguments: [
        ("%41", "A"),
        ("%47lobex", "Globex"),
        ("Globe%78", "Globex"),
        ("%E6%B3%A8%E6%96%87", "注文"),
        ("100%", "100%"),
        ("%4", "%4"),
        ("%zz%", "%zz%"),
    ])
    func percent(_ input: String, _ expected: String) {
        #expect(TextVariants.percentDecoded(input) == expected)
        #expect(text(TextVariants.percentDecoded(Array(input.utf8))) == expected)
    }

    @Test("JSON \\u escapes are decoded, surrogate pairs into one character", arguments: [
        (#"\u0041"#, "A"),
        (#"\u0047lobex"#, "Globex"),
        (#"\u6ce8\u6587"#, "注文"),
        (#"\ud83d\ude80"#, "🚀"),
        (#"\uD83D\uDE80"#, "🚀"),
        (#"a\/b \"q\" \\"#, #"a/b "q" \"#),
        (#"\ud83d alone"#, "\u{FFFD} alone"),
        (#"\u00"#, #"\u00"#),
    ])
    func jsonEscapes(_ input: String, _ expected: String) {
        #expect(text(TextVariants.jsonDecoded(Array(input.utf8))) == expected)
    }

    @Test("only the variants a text could hide something in are produced")
    func onlyUsefulVariants() {
        #expect(TextVariants.decoded(Array("plain text".utf8)).isEmpty)
        #expect(TextVariants.decoded(Array("a &amp; b".utf8)).count == 1)
        #expect(TextVariants.decoded(Array(#"&amp; %41 \u0041"#.utf8)).count == 4)
        // A line break or a tag adds what the reader sees: one space, no tags.
        #expect(TextVariants.decoded(Array("Oskar\nLindqvist".utf8)).map(text) == ["Oskar Lindqvist"])
        #expect(TextVariants.decoded(Array("<p>Oskar  <em>Lindqvist</em></p>".utf8)).map(text) == ["\u{1F}Oskar Lindqvist\u{1F}"])
        // A block tag ends the phrase; a no-break space, a `+` or a zero-width space does not.
        #expect(TextVariants.decoded(Array("Bad Request</span><h3>Headers".utf8)).map(text) == ["Bad Request\u{1F}\u{1F}Headers"])
        #expect(TextVariants.decoded(Array("Blue&nbsp;Yonder".utf8)).map(text).contains("Blue Yonder"))
        #expect(TextVariants.decoded(Array("?q=Umbrella+Health".utf8)).map(text) == ["?q=Umbrella Health"])
        #expect(TextVariants.decoded(Array("Umb\u{200B}rella Umb\u{00AD}rella".utf8)).map(text) == ["Umbrella Umbrella"])
        #expect(TextVariants.decoded(Array(#"{"s":"Oskar\nLindqvist"}"#.utf8)).map(text).last == #"{"s":"Oskar Lindqvist"}"#)
    }
}

/// The last check before publishing, over rendered files of an inline workspace.
@Suite("Leak guard")
struct LeakGuardTests {
    static let at = SourceLocation(path: "portico.yaml", line: 1, column: 1)

    static func request(_ name: String, _ url: String) -> PostmanItem {
        .request(PostmanRequestItem(name: name, request: PostmanRequest(url: PostmanURL(raw: url)), location: at))
    }

    static func folder(_ name: String, _ items: [PostmanItem]) -> PostmanItem {
        .folder(PostmanFolder(name: name, items: items, location: at))
    }

    static var workspace: Workspace {
        Workspace(
            settings: WorkspaceSettings(
                name: "Acme Payments",
                multipartner: true,
                multipartnerGiven: true,
                defaultEnvironment: Located("Sandbox", at: at),
                team: [TeamMember(name: "Dana Rivera", email: "dana@acme.example", role: .admin, location: at)],
                internalSelectors: [Located("collections/Payments API/Ledger tools", at: at)],
                partnerSelectors: [PartnerSelector(selector: Located("collections/Payments API/Initech pilot", at: at),
                                                   partners: [Located("initech", at: at)])],
                location: at),
            partners: [
                PartnerFile(slug: "globex", name: "Globex Corporation",
                            members: [PartnerMember(name: "Hank Scorpio", email: "hank@globex.example", location: at)],
                            environment: [("client_id", Located("globex-client-7781", at: at))], location: at),
                PartnerFile(slug: "initech", name: "Initech Systems",
                            members: [PartnerMember(name: "Peter Gibbons", email: "peter@initech.example", location: at)],
                            environment: [("client_id", Located("initech-client-1234", at: at))], location: at),
                PartnerFile(slug: "ace", name: "Ace", location: at),
            ],
            collections: [PostmanCollection(
                name: "Payments API",
                items: [
                    folder("Charges", [request("Create a charge", "{{base_url}}/charges"),
                                       request("Refunds", "{{base_url}}/refunds")]),
                    // Internal, but named like a visible request: not a leak when "Refunds" shows.
                    folder("Ledger tools", [request("Refunds", "{{base_url}}/ledger/refunds"),
                                            request("Rebuild ledger", "{{base_url}}/ledger/rebuild")]),
                    folder("Initech pilot", [request("Pilot settlement", "{{base_url}}/pilot")]),
                ],
                location: at)],
            environments: [PostmanEnvironment(name: "Sandbox", values: [
                .init(key: "base_url", value: "https://sandbox.acme.example"),
                .init(key: "api_key", value: "sk_live_SECRETVALUE", isSecret: true),
            ], location: at)])
    }

    private func check(_ files: [OutputFile], for audience: Audience = .partner("globex"),
                       workspace: Workspace = LeakGuardTests.workspace) -> [Diagnostic] {
        let site = SiteProjection.project(workspace, for: audience)
        return LeakGuard(workspace: workspace).check(files, site: site, for: audience)
    }

    private func page(_ text: String, at path: String = "c/payments-api/index.html") -> [OutputFile] {
        [OutputFile(path: path, text: "<html><body>\(text)</body></html>")]
    }

    @Test("a page with only what the partner may see passes")
    func cleanPage() {
        let text = "Acme Payments for Globex Corporation. Hank Scorpio. client_id globex-client-7781. "
            + "Charges: Create a charge, Refunds. https://sandbox.acme.example/charges. Dana Rivera (admin)."
        #expect(check(page(text)).isEmpty)
    }

    @Test("another partner's name, slug, member, email or value in a page is a leak", arguments: [
        "Initech Systems", "initech", "Peter Gibbons", "peter@initech.example", "initech-client-1234",
    ])
    func otherPartner(_ leaked: String) throws {
        let problems = check(page("Welcome, \(leaked)!"))
        let problem = try #require(problems.first)
        #expect(problem.severity == .error)
        #expect(problem.message.contains("globex/c/payments-api/index.html"))
        #expect(problems.last?.message.contains("nothing was published") == true)
    }

    @Test("hidden content in a page is a leak", arguments: [
        "Ledger tools", "Rebuild ledger", "Initech pilot", "Pilot settlement", "sk_live_SECRETVALUE",
        "dana@acme.example",
    ])
    func hiddenContent(_ leaked: String) {
        #expect(!check(page("<p>\(leaked)</p>")).isEmpty)
    }

    @Test("another partner's name in a file name is a leak, percent-encoded too", arguments: [
        "c/initech/index.html", "docs/initech-onboarding.html", "c/%69nitech/index.html",
        "downloads/Initech%20Systems.postman_environment.json",
    ])
    func inFileName(_ path: String) throws {
        let problems = check([OutputFile(path: path, text: "nothing to see")])
        #expect(!problems.isEmpty)
    }

    @Test("another partner's name hidden in an encoding is still found", arguments: [
        "Initech%20Systems",
        "%49%6E%69%74%65%63%68%20%53%79%73%74%65%6D%73",
        "&#73;nitech Systems",
        "&#x49;&#x6E;itech Systems",
        #"\u0049nitech Systems"#,
        "Peter&#32;Gibbons",
        "peter&#64;initech.example",
    ])
    func encoded(_ leaked: String) {
        #expect(!check(page(leaked)).isEmpty, "\(leaked) was not caught")
    }

    @Test("a hidden folder named like something the partner sees is not a false alarm")
    func legitimateTwin() {
        // "Refunds" is both a visible request and an internal request's name.
        #expect(check(page("<h1>Refunds</h1>")).isEmpty)
    }

    @Test("the partner that may see a partner-only folder is not flagged for it")
    func partnerOnlyForItsPartner() {
        #expect(check(page("Initech pilot: Pilot settlement"), for: .partner("initech")).isEmpty)
        #expect(!check(page("Initech pilot: Pilot settlement"), for: .partner("globex")).isEmpty)
    }

    @Test("the shared site may name every partner, but not hidden content")
    func sharedSite() {
        #expect(check(page("Globex Corporation, Initech Systems, Peter Gibbons"), for: .allPartners).isEmpty)
        #expect(!check(page("Rebuild ledger"), for: .allPartners).isEmpty)
        #expect(!check(page("Pilot settlement"), for: .allPartners).isEmpty)
    }

    @Test("the team preview is never flagged")
    func teamPreview() {
        #expect(check(page("Initech Systems Rebuild ledger sk_live_SECRETVALUE"), for: .team).isEmpty)
    }

    @Test("a partner name shorter than four characters is not searched for, so it causes no false alarms")
    func shortNames() {
        let canaries = ForbiddenStrings.list(Self.workspace, for: .partner("globex")).map(\.text)
        #expect(!canaries.contains("Ace"))
        #expect(!canaries.contains("ace"))
        #expect(check(page("Space race: ace it")).isEmpty)
    }

    @Test("every leaking file is reported, each with its path")
    func everyFile() {
        let files = [
            OutputFile(path: "index.html", text: "Initech Systems"),
            OutputFile(path: "team.html", text: "fine"),
            OutputFile(path: "search-index.js", text: #"{"t":"Rebuild ledger"}"#),
        ]
        let problems = check(files)
        #expect(!problems.contains { $0.message.contains("globex/team.html") })
        #expect(problems.contains { $0.message.contains("globex/index.html") })
        #expect(problems.contains { $0.message.contains("globex/search-index.js") })
    }

    @Test("a site rendered with the default theme passes the guard for its own partner")
    func renderedSitePasses() throws {
        let theme = try DefaultTheme.load(overrides: [:])
        for audience in [Audience.partner("globex"), .partner("initech"), .allPartners] {
            let site = SiteProjection.project(Self.workspace, for: audience)
            let files = try SiteRenderer(theme: theme).render(site)
            let problems = LeakGuard(workspace: Self.workspace).check(files, site: site, for: audience)
            #expect(problems.isEmpty, "\(audience): \(problems)")
        }
    }

    @Test("one partner's rendered site checked as another partner's is caught")
    func wrongSiteCaught() throws {
        let theme = try DefaultTheme.load(overrides: [:])
        let initechSite = SiteProjection.project(Self.workspace, for: .partner("initech"))
        let files = try SiteRenderer(theme: theme).render(initechSite)
        let globexSite = SiteProjection.project(Self.workspace, for: .partner("globex"))
        let problems = LeakGuard(workspace: Self.workspace).check(files, site: globexSite, for: .partner("globex"))
        #expect(!problems.isEmpty)
    }
}
