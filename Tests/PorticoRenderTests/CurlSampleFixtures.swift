import PorticoModel
import PorticoRender
import Testing

/// Shared inputs for the cURL sample tests.
enum CurlFixtures {
    /// Values that break naive shell quoting, one property each.
    static let awkward: [String] = [
        "", "plain", "it's", "''", "\\'", "\"double\"", "W/\"1234\"", "$HOME", "${HOME}", "`whoami`", "$(id)",
        "wow!", "!!", "!$", "a\nb", "line 1\r\nline 2 \\\r\n", "tab\there", "🎹 emoji", "👩‍👩‍👧 family",
        "back\\slash\\", "ends with \\", "C:\\\\temp\\\\new", " leading and trailing ", "-starts-with-dash",
        "@file", "<file", "a;type=text/html", "~", "*", "&&", "#not-a-comment", "é ü ß 漢字", "%41%",
        "{{secret}}", "\u{202E}rtl", "bell\u{7}", "nul-free \u{1B}[31m", "\u{2028}", "a\u{85}b",
    ]

    static func request(_ method: String = "GET", _ url: String = "https://api.example.test/v1/things",
                        headers: [SiteParameter] = [], auth: SiteAuth? = nil, body: SiteBody? = nil) -> SiteRequest {
        SiteRequest(slug: "r", name: "R", method: method, url: url, headers: headers, auth: auth, body: body,
                    selector: "collections/C/R")
    }

    /// The snippet for `request`, run by the bash judge and read back as curl would read it.
    static func run(_ request: SiteRequest, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ParsedCurl? {
        let snippet = CurlSample().sample(for: request)
        #expect(snippet.hasPrefix("curl "), "a snippet starts with curl", sourceLocation: sourceLocation)
        return CurlBashJudge.args(snippet, sourceLocation: sourceLocation).map(ParsedCurl.init)
    }

    static func auth(_ type: String, _ pairs: KeyValuePairs<String, String>) -> SiteAuth {
        SiteAuth(type: type, parameters: pairs.map { SiteParameter(key: $0.key, value: $0.value) })
    }
}
