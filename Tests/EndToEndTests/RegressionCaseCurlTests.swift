import Foundation
import Testing

/// What the cURL snippet of one request must pass to `curl` once bash has parsed it.
struct CurlExpectation: Sendable, CustomTestStringConvertible {
    var id: String
    var request: String
    var method: String?
    /// The URL argument after percent-decoding.
    var decodedURL: String?
    var urlContains: [String] = []
    /// `-H` arguments that must be there, exactly.
    var headers: [String] = []
    /// Regexes (case-insensitive) some `-H` argument must match / no `-H` argument may match.
    var headerPatterns: [String] = []
    var forbiddenHeaderPatterns: [String] = []
    /// `user:password` sent as `-u` or as `Authorization: Basic …`; "" means no credentials at all.
    var user: String?
    /// The body argument, byte for byte.
    var data: String?
    /// Form fields the body arguments must hold, decoded (`name=value`).
    var formFields: [String] = []
    /// A regex the one effective Content-Type must match.
    var contentType: String?

    var testDescription: String { "\(id) \(request)" }

    static let all: [CurlExpectation] = [
        CurlExpectation(id: "B24", request: "Create note with awkward characters", method: "PUT",
                        decodedURL: "https://api.example.test/v1/notes('key-1')?q=a b&tag=x'y",
                        headers: [#"If-None-Match: W/"1234""#, #"X-Note: it's "fine""#],
                        data: "{\n  \"text\": \"Ada's piano lessons\",\n  \"path\": \"C:\\\\temp\\\\new\",\n"
                            + "  \"shell\": \"$HOME and `whoami` and $(id)\",\n  \"bang\": \"wow!\",\n"
                            + "  \"emoji\": \"🎹\",\n  \"marker\": \"MARK-B24-BODY\"\n}"),
        CurlExpectation(id: "B24", request: "Multi-line CRLF text body",
                        data: "line 1\r\nline 2 with trailing backslash \\\r\nline 3 'quoted'\r\n"),
        CurlExpectation(id: "B16", request: "Get account", decodedURL: "https://api.example.test/v1/account",
                        headers: ["X-Api-Key: {{apiKey}}", "X-Env: live"], user: "partner-bot:{{svcPassword}}"),
        CurlExpectation(id: "B16", request: "Token exchange", urlContains: ["audience={{audience}}"], user: "",
                        formFields: ["grant_type=client_credentials", "client_id=partner-a-client",
                                     "client_secret={{clientSecret}}"]),
        CurlExpectation(id: "B14", request: "List widgets",
                        headerPatterns: [#"^authorization:\s*bearer\s+\S*access_?token\S*$"#],
                        forbiddenHeaderPatterns: [#"^x-admin-key\s*:"#]),
        CurlExpectation(id: "B14", request: "Purge cache", headers: ["X-Admin-Key: {{adminKey}}"],
                        forbiddenHeaderPatterns: [#"^authorization\s*:"#], user: ""),
        CurlExpectation(id: "B14", request: "Rotate keys",
                        forbiddenHeaderPatterns: [#"^x-admin-key\s*:"#, #"^authorization:\s*bearer"#],
                        user: "{{rotUser}}:{{rotPassword}}"),
        CurlExpectation(id: "B14", request: "Audit log", headers: ["X-Admin-Key: {{adminKey}}"],
                        forbiddenHeaderPatterns: [#"^authorization\s*:"#], user: ""),
        CurlExpectation(id: "B14", request: "Query-string key", urlContains: ["api_key={{queryKey}}"],
                        forbiddenHeaderPatterns: [#"^api_key\s*:"#, #"^x-admin-key\s*:"#, #"^authorization\s*:"#],
                        user: ""),
        CurlExpectation(id: "B19", request: "XML order", contentType: "application/xml(?:\\s*;.*)?"),
        CurlExpectation(id: "B19", request: "Plain text note", contentType: "text/plain(?:\\s*;.*)?"),
        CurlExpectation(id: "B19", request: "HTML fragment", contentType: "text/html(?:\\s*;.*)?"),
        CurlExpectation(id: "B19", request: "JavaScript snippet", contentType: "application/javascript(?:\\s*;.*)?"),
        CurlExpectation(id: "B19", request: "JSON with comments", contentType: "application/json(?:\\s*;.*)?"),
        CurlExpectation(id: "B19", request: "Broken JSON", contentType: "application/json(?:\\s*;.*)?"),
        CurlExpectation(id: "B19", request: "Legacy raw without options",
                        contentType: "(?:text/plain|application/json)(?:\\s*;.*)?"),
        CurlExpectation(id: "B19", request: "Explicit content type wins",
                        contentType: "application/vnd\\.partner\\.order\\+xml"),
    ]
}

/// cURL snippets run through bash with a recording `curl` (cases B14, B16, B19, B24): valid
/// shell, nothing expanded, and exactly the method, URL, headers, credentials and body of the request.
@Suite("Regression cases: cURL snippets", .enabled(if: sharedAvailable, "../shared is absent: skipped"))
struct RegressionCaseCurlTests {
    @Test("the cURL snippet parses in bash and passes curl exactly the request", arguments: CurlExpectation.all)
    func snippetSendsTheRequest(_ expected: CurlExpectation) async throws {
        // Both partner sites render the same snippets; alpha's stand for both.
        let site = try #require(try await CaseSites.build(expected.id).requireSites().first)
        let page = try #require(site.page(titled: expected.request), "no page for \(expected.request)")
        let snippet = try #require(CurlRecorder.snippets(in: site.html[page]!).first, "no cURL snippet on \(page)")
        let recording = try await CurlRecorder.record(snippet)
        #expect(recording.syntaxOK && recording.status == 0 && recording.stderr.isEmpty, "\(recording)\n\(snippet)")
        let args = try #require(recording.arguments, "curl was never called:\n\(snippet)")
        #expect(!args.contains { $0.contains("EXPANDED-") }, "the shell expanded something: \(args)")
        check(args, against: expected)
    }

    private func check(_ args: [String], against expected: CurlExpectation) {
        let headers = CurlRecorder.headers(args)
        let url = CurlRecorder.url(args) ?? ""
        if let method = expected.method {
            #expect(CurlRecorder.values(of: ["-X", "--request"], in: args).last == method, "\(args)")
        }
        if let decodedURL = expected.decodedURL {
            #expect(!url.contains(" "), "raw space in \(url)")
            #expect(url.removingPercentEncoding == decodedURL, "\(url)")
        }
        for part in expected.urlContains { #expect(url.contains(part), "\(url)") }
        for header in expected.headers { #expect(headers.contains(header), "\(headers)") }
        for pattern in expected.headerPatterns {
            #expect(headers.contains { $0.contains(try! Regex(pattern).ignoresCase()) },
                    "\(headers) lacks /\(pattern)/")
        }
        for pattern in expected.forbiddenHeaderPatterns {
            #expect(!headers.contains { $0.contains(try! Regex(pattern).ignoresCase()) }, "\(headers) has /\(pattern)/")
        }
        if let user = expected.user {
            let sent = CurlRecorder.credentials(args)
            #expect(user.isEmpty ? sent.isEmpty : sent == [user], "credentials sent: \(sent)")
        }
        if let data = expected.data { #expect(CurlRecorder.bodies(args) == [data], "\(CurlRecorder.bodies(args))") }
        let fields = CurlRecorder.bodies(args)
            .flatMap { $0.split(separator: "&").map { $0.removingPercentEncoding ?? "" } }
        for field in expected.formFields { #expect(fields.contains(field), "\(fields)") }
        if let contentType = expected.contentType {
            let types = headers.compactMap { $0.firstMatch(of: /(?i)^content-type:\s*(.*)$/).map { String($0.1) } }
            #expect(types.count == 1 && types[0].wholeMatch(of: try! Regex(contentType)) != nil, "\(types)")
        }
    }
}
