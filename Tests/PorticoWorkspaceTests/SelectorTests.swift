import Testing
@testable import PorticoWorkspace

/// Visibility selectors (spec section 4): the path of names a person sees, with
/// `*`, `**`, `\/` escapes, and "selecting a folder selects everything under it".
@Suite("Visibility selectors")
struct SelectorTests {
    /// A path of names written the readable way: `/` separates, no escapes.
    private static func path(_ text: String) -> [String] {
        text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    }

    struct MatchCase: CustomTestStringConvertible, Sendable {
        var selector: String
        var path: [String]
        var matches: Bool
        var testDescription: String { "`\(selector)` \(matches ? "matches" : "does not match") \(path)" }
    }

    static let matchCases: [MatchCase] = [
        // Plain names: the exact path and nothing else.
        MatchCase(selector: "collections/API/Admin", path: path("collections/API/Admin"), matches: true),
        MatchCase(selector: "collections/API/Admin", path: path("collections/API/Admins"), matches: false),
        MatchCase(selector: "collections/API/Admin", path: path("collections/API"), matches: false),
        MatchCase(selector: "collections/API/Admin", path: path("collections/API/Admin/Delete"), matches: false),
        MatchCase(selector: "collections/API/Admin", path: path("collections/api/admin"), matches: false),
        // `*` is exactly one segment, whatever its name.
        MatchCase(selector: "collections/*/Admin", path: path("collections/API/Admin"), matches: true),
        MatchCase(selector: "collections/*/Admin", path: path("collections/Other API/Admin"), matches: true),
        MatchCase(selector: "collections/*/Admin", path: path("collections/Admin"), matches: false),
        MatchCase(selector: "collections/*/Admin", path: path("collections/API/Sub/Admin"), matches: false),
        MatchCase(selector: "environments/*", path: path("environments/Staging"), matches: true),
        MatchCase(selector: "environments/*", path: path("environments"), matches: false),
        // `**` is zero or more segments.
        MatchCase(selector: "collections/API/**/Delete", path: path("collections/API/Delete"), matches: true),
        MatchCase(selector: "collections/API/**/Delete", path: path("collections/API/Admin/Delete"), matches: true),
        MatchCase(selector: "collections/API/**/Delete", path: path("collections/API/a/b/c/Delete"), matches: true),
        MatchCase(selector: "collections/API/**/Delete", path: path("collections/API/Admin/Delete/x"), matches: false),
        MatchCase(selector: "collections/API/**/Delete", path: path("collections/Other/Delete"), matches: false),
        MatchCase(selector: "collections/**", path: path("collections"), matches: true),
        MatchCase(selector: "collections/**", path: path("collections/API/x/y"), matches: true),
        MatchCase(selector: "**/Delete", path: path("collections/API/Delete"), matches: true),
        MatchCase(selector: "**/Delete", path: path("docs/Delete-me"), matches: false),
        MatchCase(selector: "docs/**/*", path: path("docs/guide"), matches: true),
        MatchCase(selector: "docs/**/*", path: path("docs"), matches: false),
        // `*` and `**` are whole segments only, not globs inside a name.
        MatchCase(selector: "collections/API*", path: path("collections/API v2"), matches: false),
        MatchCase(selector: "collections/API*", path: ["collections", "API*"], matches: true),
        // `\/` is a slash inside a name.
        MatchCase(selector: #"collections/Orders\/Refunds"#, path: ["collections", "Orders/Refunds"], matches: true),
        MatchCase(selector: #"collections/Orders\/Refunds"#, path: path("collections/Orders/Refunds"), matches: false),
        MatchCase(selector: #"collections/API/GET \/users\/:id"#, path: ["collections", "API", "GET /users/:id"],
                  matches: true),
        MatchCase(selector: #"collections/back\\slash"#, path: ["collections", #"back\slash"#], matches: true),
        // A trailing slash names the same thing as without it.
        MatchCase(selector: "collections/API/", path: path("collections/API"), matches: true),
        MatchCase(selector: "collections/API/Admin/", path: path("collections/API/Admin"), matches: true),
        // Names are compared as written: spaces and Unicode matter.
        MatchCase(selector: "collections/注文 API/一覧", path: ["collections", "注文 API", "一覧"], matches: true),
        MatchCase(selector: "collections/Payments API", path: path("collections/Payments  API"), matches: false),
    ]

    @Test("a selector matches exactly the paths it names", arguments: matchCases)
    func matching(_ c: MatchCase) {
        #expect(Selector(c.selector).matches(c.path) == c.matches)
    }

    struct CoverCase: CustomTestStringConvertible, Sendable {
        var selector: String
        var path: [String]
        var covers: Bool
        var testDescription: String { "`\(selector)` \(covers ? "covers" : "does not cover") \(path)" }
    }

    static let coverCases: [CoverCase] = [
        CoverCase(selector: "collections/API", path: path("collections/API"), covers: true),
        CoverCase(selector: "collections/API", path: path("collections/API/Admin"), covers: true),
        CoverCase(selector: "collections/API", path: path("collections/API/Admin/Users/Delete"), covers: true),
        CoverCase(selector: "collections/API/Admin", path: path("collections/API"), covers: false),
        CoverCase(selector: "collections/API/Admin", path: path("collections/API/Administration/x"), covers: false),
        CoverCase(selector: "collections/API/Admin", path: path("collections/Other/Admin/x"), covers: false),
        CoverCase(selector: "collections/*/Admin", path: path("collections/Any/Admin/Create"), covers: true),
        CoverCase(selector: "collections/**/Admin", path: path("collections/API/v2/Admin/Create"), covers: true),
        CoverCase(selector: "collections/**/Admin", path: path("collections/API/v2/Create"), covers: false),
        CoverCase(selector: #"collections/A\/B"#, path: ["collections", "A/B", "Child"], covers: true),
        CoverCase(selector: #"collections/A\/B"#, path: ["collections", "A", "B", "Child"], covers: false),
        CoverCase(selector: "docs/partners", path: path("docs/partners/onboarding"), covers: true),
        CoverCase(selector: "docs/partners", path: path("docs/partners-faq"), covers: false),
    ]

    @Test("selecting a collection or folder selects everything under it, and nothing beside it",
          arguments: coverCases)
    func covering(_ c: CoverCase) {
        #expect(Selector(c.selector).covers(c.path) == c.covers)
    }

    @Test("the root is the kind of content a selector names", arguments: [
        ("collections/API", "collections"),
        ("environments/Staging", "environments"),
        ("docs/runbook", "docs"),
        ("*/runbook", nil),
        ("**", nil),
    ] as [(String, String?)])
    func root(_ text: String, _ expected: String?) {
        #expect(Selector(text).root == expected)
    }

    @Test("`*` and `**` segments parse as wildcards, everything else as names")
    func segments() {
        #expect(Selector("collections/*/**/x").segments == [.name("collections"), .any, .anyDepth, .name("x")])
    }

    @Test("escape writes any name as one selector segment that matches it", arguments: [
        "Payments API", "GET /users/:id", #"C:\Windows"#, #"a\/b"#, "/", "//", #"\"#, "trailing/",
        "注文/一覧",
    ])
    func escapeRoundTrips(_ name: String) {
        let selector = Selector("collections/" + Selector.escape(name))
        #expect(selector.segments.count == 2)
        #expect(selector.matches(["collections", name]))
        #expect(!selector.covers(["collections"]))
    }

    @Test("escape leaves ordinary names unchanged and escapes `/` and `\\`")
    func escapeText() {
        #expect(Selector.escape("Payments API") == "Payments API")
        #expect(Selector.escape("a/b") == #"a\/b"#)
        #expect(Selector.escape(#"a\b"#) == #"a\\b"#)
    }

    @Test("a selector prints as it was written")
    func description() {
        let text = #"collections/Orders\/Refunds/**"#
        #expect(Selector(text).description == text)
        #expect(Selector(text).text == text)
    }
}
