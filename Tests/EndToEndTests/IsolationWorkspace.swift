import Foundation

/// The hostile multipartner workspace of the isolation tests, written inline. Every
/// field carries a canary: a token (`ZQ…`, letters only, so it survives slugging and
/// is searched ignoring case) that names what it stands for. Three partners, each
/// with its own canaries; internal, partner-only, secret, comment and team-email
/// canaries that no partner may get; plus XSS payloads and hostile names (path
/// traversal, `/`, control characters, `CON`, very long) everywhere a name or a
/// description goes.
enum IsolationWorkspace {
    /// One partner of the workspace and the canaries only its own site may hold.
    struct Partner: Sendable {
        var slug: String
        var token: String
        /// Tokens that must appear in this partner's own site (it is not just empty).
        var mustShow: [String]
        /// Every token of this partner: forbidden in every other partner's site.
        var all: [String]
    }

    static let alpha = partner("alpha", slug: "alpha-zqslga")
    static let beta = partner("beta", slug: "beta-zqslgb")
    static let gamma = partner("gamma", slug: "gamma-zqslgc")
    static let partners = [alpha, beta, gamma]

    private static func partner(_ word: String, slug: String) -> Partner {
        let t = word.uppercased()
        return Partner(
            slug: slug, token: t,
            mustShow: ["ZQ\(t)NAME", "ZQ\(t)MEMBER", "zq\(word)env-client", "ZQ\(t)ONLY", "ZQ\(t)DOC"],
            all: ["ZQ\(t)NAME", "ZQ\(t)MEMBER", "zq\(word)mail", "zq\(word)env", "ZQ\(t)ONLY", "ZQ\(t)DOC",
                  String(slug.suffix(6))])
    }

    /// Internal content: never in any partner site.
    static let internalTokens = ["ZQINTFOLDER", "ZQINTREQ", "ZQINTCOLL", "ZQSLASHINT", "ZQINTSINGLE", "ZQINTDOCFM",
                                 "ZQINTDOCSEL", "ZQHIDDENENV", "zqhiddenval"]
    /// Secret values (environment and collection variables), comments and team emails.
    static let secretTokens = ["ZQSECRETVAL", "ZQCOLSECRET", "ZQHIDDENSECRET"]
    static let commentTokens = ["ZQCOMMENTTEXT", "ZQCOMMENTTWO"]
    static let teamEmailTokens = ["zqteammail"]

    /// Everything `slug`'s site must not hold, by what it is.
    static func forbidden(in slug: String) -> [(token: String, what: String)] {
        var out: [(String, String)] = []
        for p in partners where p.slug != slug { out += p.all.map { ($0, "content of partner \(p.slug)") } }
        // With show_email off, a partner's own members' emails stay in its file too.
        if let own = partners.first(where: { $0.slug == slug }) {
            out.append(("zq\(own.token.lowercased())mail", "an own member's email (show_email is off)"))
        }
        out += internalTokens.map { ($0, "internal content") }
        out += secretTokens.map { ($0, "a secret value") }
        out += commentTokens.map { ($0, "a team comment") }
        out += teamEmailTokens.map { ($0, "a team email") }
        return out
    }

    /// XSS payloads, put into names, descriptions, values and docs.
    static let xss = """
        <script>alert('ZQXSS1')</script> <img src=x onerror="alert('ZQXSS2')"> [click me](javascript:alert('ZQXSS3')) \
        <iframe src="https://evil.example/ZQXSS4"></iframe> <svg onload="alert('ZQXSS5')"><circle r="1"/></svg> \
        <a href="JaVaScRiPt:alert('ZQXSS6')">upper</a> <a href="java&#x09;script:alert('ZQXSS7')">tab</a> \
        <a href="&#106;avascript:alert('ZQXSS8')">entity</a> <a href=" javascript:alert('ZQXSS9')">space</a> \
        <a href="vbscript:msgbox('ZQXSS10')">vb</a> <a href="data:text/html,<script>alert('ZQXSS11')</script>">data</a> \
        <img src="javascript:alert('ZQXSS12')"> <a href="#" onclick="alert('ZQXSS13')">click</a> \
        <div style="background:url(javascript:alert('ZQXSS14'))">styled</div> <object data="x.swf"></object> \
        <embed src="x.swf"> <form action="javascript:alert('ZQXSS15')"><button>go</button></form> \
        <base href="https://evil.example/"> <meta http-equiv="refresh" content="0;url=javascript:alert(1)"> \
        <math><mtext><table><mglyph><style><img src=x onerror=alert('ZQXSS16')></style></mglyph></table></mtext></math> \
        ![img](javascript:alert('ZQXSS17')) <details open ontoggle="alert('ZQXSS18')">x</details>
        """

    /// Names that try to leave the site folder or break a file system.
    static let hostileRequestNames = [
        "../../etc/passwd", "..\\..\\windows\\win.ini", "a/b/c slash name", "bell\u{07}tab\tesc\u{1B}cr\r end",
        "CON", "NUL.txt", "index", String(repeating: "Long", count: 80), "<img src=x onerror=alert('ZQXSSNAME')>",
        "javascript:alert('ZQXSSJS')", "\"};alert('ZQXSSJSON');//</script>\u{2028}",
    ]

    static var files: [String: String] {
        var files: [String: String] = [
            "portico.yaml": settings,
            "collections/shop.postman_collection.json": json(shopCollection),
            "collections/internal.postman_collection.json": json(internalCollection),
            "environments/sandbox.json": json(["name": "Sandbox", "values": [
                ["key": "base_url", "value": "https://sandbox.shop.example", "enabled": true],
                ["key": "api_key", "value": "ZQSECRETVAL-sk-live-1", "type": "secret", "enabled": true],
                ["key": "client_id", "value": "default-client", "enabled": true],
                ["key": "banner", "value": "<script>alert('ZQXSSENV')</script>", "enabled": true],
            ]]),
            "environments/staging.json": json(["name": "Staging ZQHIDDENENV", "values": [
                ["key": "base_url", "value": "https://zqhiddenval.internal.example", "enabled": true],
                ["key": "token", "value": "ZQHIDDENSECRET-9", "type": "secret", "enabled": true],
            ]]),
            "environments/mock.json": json(["name": "../../Mock <b>env</b>", "values": [
                ["key": "base_url", "value": "https://mock.shop.example", "enabled": true],
            ]]),
            "docs/Getting started guide.md": """
                ---
                title: "Getting started <script>alert('ZQXSSTITLE')</script>"
                order: 1
                ---
                # Getting started

                Welcome to the shop API.

                \(xss)

                <script>alert('ZQXSSDOC')</script>

                """,
            "docs/More guides/Second page.md": "# Second page\n\nA page in a folder with a space.\n",
            "docs/runbook.md": """
                ---
                title: Runbook ZQINTDOCFM
                visibility: internal
                ---
                Restart things. ZQINTDOCFMBODY

                """,
            "docs/ops/runbook.md": "# On call ZQINTDOCSEL\n\nPage the lead. ZQINTDOCSELBODY\n",
            "docs/beta-notes.md": "---\ntitle: Beta notes ZQBETADOC\npartners: [\(beta.slug)]\n---\nOnly beta. ZQBETADOCBODY\n",
            "docs/alpha-notes.md": "---\ntitle: Alpha notes ZQALPHADOC\npartners: [\(alpha.slug)]\n---\nOnly alpha.\n",
            "docs/gamma-notes.md": "---\ntitle: Gamma notes ZQGAMMADOC\npartners: [\(gamma.slug)]\n---\nOnly gamma.\n",
            "comments/review.yaml": """
                target: collections/Shop API
                thread:
                  - author: lead@zqteammail.example
                    at: 2024-01-10
                    text: ZQCOMMENTTEXT should the shop say more?
                  - author: second@zqteammail.example
                    text: "ZQCOMMENTTWO <script>alert(1)</script>"

                """,
            "comments/internal.yaml": """
                target: collections/Shop API/Ops ZQINTFOLDER
                thread:
                  - author: lead@zqteammail.example
                    text: ZQCOMMENTTEXT keep this one internal

                """,
        ]
        for p in partners {
            let word = p.token.lowercased()
            var lines = [
                "name: " + yaml("\(p.token.capitalized) ZQ\(p.token)NAME <script>alert('ZQXSSPARTNER')</script> Corp"),
                "members:",
                "  - name: " + yaml("Member ZQ\(p.token)MEMBER <img src=x onerror=alert(1)>"),
                "    email: person@zq\(word)mail.example",
                "    role: viewer",
                "environment:",
                "  client_id: zq\(word)env-client-\(word.count)",
                "  note: " + yaml("<img src=x onerror=alert('ZQXSSNOTE')>"),
            ]
            if p.slug == beta.slug { lines.append("  base_url: https://zqbetaenvurl.example") }
            files["partners/\(p.slug).yaml"] = lines.joined(separator: "\n") + "\n"
        }
        return files
    }

    static var settings: String {
        """
        name: "Hostile <script>alert('ZQXSSWS')</script> Shop"
        description: |
          Welcome, partner.

          \(xss.replacingOccurrences(of: "\n", with: "\n  "))
        multipartner: true
        default_environment: Sandbox
        show_email: false
        team:
          - name: "Lead <img src=x onerror=alert('ZQXSSTEAM')>"
            email: lead@zqteammail.example
            role: admin
          - name: Second Person
            email: second@zqteammail.example
            role: editor
        visibility:
          internal:
            - collections/Shop API/Ops ZQINTFOLDER
            - collections/Internal ZQINTCOLL
            - 'collections/Shop API/internal\\/secret ZQSLASHINT'
            - collections/**/Debug ZQINTSINGLE
            - environments/Staging ZQHIDDENENV
            - docs/ops/runbook
          partners:
            collections/Shop API/Beta programme ZQBETAONLY: [\(beta.slug)]
            collections/Shop API/Alpha pilot ZQALPHAONLY: [\(alpha.slug)]
            collections/Shop API/Gamma pilot ZQGAMMAONLY: [\(gamma.slug)]

        """
    }

    static func request(_ name: String, _ description: String = "", url: String = "{{base_url}}/v1/things") -> [String: Any] {
        ["name": name, "request": ["method": "GET", "url": url, "description": description], "response": []]
    }

    static var shopCollection: [String: Any] {
        var items: [[String: Any]] = [
            [
                "name": "List things <script>alert('ZQXSSREQ')</script>",
                "request": [
                    "method": "POST",
                    "url": [
                        "raw": "{{base_url}}/v1/things?client={{client_id}}&key={{api_key}}",
                        "host": ["{{base_url}}"], "path": ["v1", "things"],
                        "query": [
                            ["key": "client", "value": "{{client_id}}", "description": xss],
                            ["key": "key", "value": "{{api_key}}"],
                        ],
                    ],
                    "header": [
                        ["key": "X-Note", "value": "<img src=x onerror=alert('ZQXSSHDR')>"],
                        ["key": "X-Col", "value": "{{colsecret}}"],
                    ],
                    "body": ["mode": "raw", "raw": "{\"html\": \"<script>alert('ZQXSSBODY')</script>\"}",
                             "options": ["raw": ["language": "json"]]],
                    "description": xss + "\n\nUses {{api_key}} and {{colsecret}}.",
                ],
                "response": [[
                    "name": "OK <script>alert('ZQXSSEX')</script>", "code": 200, "status": "OK",
                    "header": [["key": "Content-Type", "value": "text/html"]],
                    "body": "<html><script>alert('ZQXSSEXBODY')</script></html>",
                ]],
            ],
            ["name": "..", "item": [request("Inside dotdot")]],
            ["name": ".", "item": [request("Inside dot")]],
            ["name": "Ops ZQINTFOLDER", "description": "Internal tools. ZQINTFOLDERDESC",
             "item": [request("Purge ZQINTREQ", "Purges everything. ZQINTREQDESC")]],
            ["name": "Beta programme ZQBETAONLY", "description": "For beta only.",
             "item": [request("Preview ZQBETAONLYREQ", "Beta preview call.")]],
            ["name": "Alpha pilot ZQALPHAONLY", "item": [request("Pilot ZQALPHAONLYREQ")]],
            ["name": "Gamma pilot ZQGAMMAONLY", "item": [request("Pilot ZQGAMMAONLYREQ")]],
            request("internal/secret ZQSLASHINT", "Internal by an escaped selector."),
            ["name": "Tools", "item": [request("Debug ZQINTSINGLE"), request("Public tool")]],
        ]
        items += hostileRequestNames.map { request($0, "Hostile name. " + xss) }
        return [
            "info": ["name": "Shop API", "description": "The shop. " + xss,
                     "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"],
            "auth": ["type": "bearer", "bearer": [["key": "token", "value": "{{api_key}}", "type": "string"]]],
            "variable": [
                ["key": "colsecret", "value": "ZQCOLSECRET-7", "type": "secret"],
                ["key": "shopvar", "value": "visible-value"],
            ],
            "item": items,
        ]
    }

    static var internalCollection: [String: Any] {
        ["info": ["name": "Internal ZQINTCOLL",
                  "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"],
         "item": [request("Rotate keys ZQINTCOLLREQ", "Only for us.")]]
    }

    static func json(_ value: Any) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    static func yaml(_ value: String) -> String { WorkspaceFiles.yamlString(value) }
}
