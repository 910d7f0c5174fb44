import PorticoModel
import PorticoRender
import Testing

/// The request line, headers and Content-Type of a cURL sample.
@Suite("cURL sample requests")
struct CurlSampleRequestTests {
    @Test("reads like a sentence")
    func readsLikeASentence() {
        let request = CurlFixtures.request(
            "PUT", "https://api.example.test/v1/notes/7",
            headers: [.init(key: "Accept", value: "application/json")],
            auth: CurlFixtures.auth("bearer", ["token": "{{accessToken}}"]),
            body: .raw(text: "{\n  \"text\": \"Ada's notes\"\n}", language: "json"))
        #expect(CurlSample().sample(for: request) == """
            curl -X PUT 'https://api.example.test/v1/notes/7' \\
              -H 'Authorization: Bearer {{accessToken}}' \\
              -H 'Accept: application/json' \\
              -H 'Content-Type: application/json' \\
              --data-raw '{
              "text": "Ada'\\''s notes"
            }'
            """)
        #expect(CurlSample().sample(for: CurlFixtures.request()) == "curl 'https://api.example.test/v1/things'")
    }

    @Test("is listed once, as cURL")
    func listed() {
        #expect(CodeSamples.all.map(\.id) == ["curl"])
        #expect(CodeSamples.all.map(\.label) == ["cURL"])
    }

    @Test("the exact argv of an awkward request (B24)")
    func exactArgv() throws {
        let body = "{\n  \"path\": \"C:\\\\temp\\\\new\",\n  \"shell\": \"$HOME and `whoami` and $(id)\",\n  \"bang\": \"wow!\",\n  \"emoji\": \"🎹\"\n}"
        let request = CurlFixtures.request(
            "PUT", "https://api.example.test/v1/notes('key-1')?q=a b&tag=x'y",
            headers: [.init(key: "Content-Type", value: "application/json"), .init(key: "If-None-Match", value: "W/\"1234\""),
                      .init(key: "X-Note", value: "it's \"fine\"")],
            body: .raw(text: body, language: "json"))
        let args = try #require(CurlBashJudge.args(CurlSample().sample(for: request)))
        #expect(args == ["-X", "PUT", "https://api.example.test/v1/notes('key-1')?q=a%20b&tag=x'y",
                         "-H", "Content-Type: application/json", "-H", "If-None-Match: W/\"1234\"",
                         "-H", "X-Note: it's \"fine\"", "--data-raw", body])
    }

    @Test("a CRLF body with a trailing backslash arrives unchanged")
    func crlf() throws {
        let text = "line 1\r\nline 2 with trailing backslash \\\r\nline 3 'quoted'\r\n"
        let request = CurlFixtures.request("POST", "https://api.example.test/v1/echo", body: .raw(text: text, language: "text"))
        // $'…' quoting for the CRs; line breaks stay line breaks so the body still reads as lines.
        #expect(CurlSample().sample(for: request) == """
            curl 'https://api.example.test/v1/echo' \\
              -H 'Content-Type: text/plain' \\
              --data-raw $'line 1\\r
            line 2 with trailing backslash \\\\\\r
            line 3 \\x27quoted\\x27\\r
            '
            """)
        let call = try #require(CurlFixtures.run(request))
        #expect(call.body == text)
        #expect(call.method == nil, "POST is implied by the body")
    }

    @Test("disabled headers and query parameters are never sent; enabled headers once each")
    func disabled() throws {
        let request = SiteRequest(
            slug: "s", name: "Search", method: "GET", url: "https://api.example.test/v1/search?q=shoes&page=1",
            query: [.init(key: "q", value: "shoes"), .init(key: "page", value: "1"),
                    .init(key: "expand", value: "all", enabled: false), .init(key: "sort", value: "asc", enabled: false)],
            headers: [.init(key: "Accept", value: "application/json"), .init(key: "X-Debug-Trace", value: "1", enabled: false),
                      .init(key: "accept", value: "text/html"), .init(key: "X-Empty", value: nil)],
            selector: "collections/C/Search")
        let call = try #require(CurlFixtures.run(request))
        #expect(call.url == "https://api.example.test/v1/search?q=shoes&page=1")
        #expect(call.headers == ["Accept: application/json", "X-Empty;"])
        #expect(call.effectiveMethod == "GET" && call.method == nil)
    }

    @Test("the raw language sets the one Content-Type unless a header does",
          arguments: [("json", "application/json"), ("xml", "application/xml"), ("text", "text/plain"),
                      ("html", "text/html"), ("javascript", "application/javascript"), ("graphql", "application/json"),
                      (nil, "text/plain"), ("cobol", "text/plain")] as [(String?, String)])
    func contentType(_ language: String?, _ type: String) throws {
        let plain = try #require(CurlFixtures.run(CurlFixtures.request("POST", body: .raw(text: "x", language: language))))
        #expect(plain.headerValues("content-type") == [type])

        let headers: [SiteParameter] = [.init(key: "Content-Type", value: "text/csv", enabled: false),
                                        .init(key: "content-type", value: "application/vnd.partner.order+xml"),
                                        .init(key: "Content-Type", value: "text/plain")]
        let explicit = try #require(CurlFixtures.run(CurlFixtures.request("POST", headers: headers,
                                                                          body: .raw(text: "x", language: language))))
        #expect(explicit.headerValues("content-type") == ["application/vnd.partner.order+xml"])
    }

    @Test("-X only when curl would not pick the method itself",
          arguments: [("GET", false, nil), ("POST", true, nil), ("POST", false, "POST"), ("GET", true, "GET"),
                      ("PUT", true, "PUT"), ("DELETE", false, "DELETE"), ("PURGE", false, "PURGE"),
                      ("HEAD", false, nil), ("options", false, "OPTIONS")] as [(String, Bool, String?)])
    func method(_ method: String, _ hasBody: Bool, _ flag: String?) throws {
        let body: SiteBody? = hasBody ? .raw(text: "{}", language: "json") : nil
        let call = try #require(CurlFixtures.run(CurlFixtures.request(method, body: body)))
        #expect(call.method == flag)
        #expect(call.effectiveMethod == method.uppercased())
    }

    @Test("URLs without a scheme, with a fragment, or empty stay as written")
    func urlShapes() throws {
        for url in ["api.example.test/v1/lower", "https://api.example.test:8443/v1/report?flag&empty=#section-2",
                    "https://api.example.test/v1/slots/10:30/rooms/b-12", "https://api.example.test/v1/orders/:orderId"] {
            let call = try #require(CurlFixtures.run(CurlFixtures.request("GET", url)))
            #expect(call.url == url)
            #expect(!call.flags.contains("--globoff"))
        }
        let empty = try #require(CurlFixtures.run(CurlFixtures.request("OPTIONS", "")))
        #expect(empty.urls == [""] && empty.method == "OPTIONS")
        let dash = try #require(CurlFixtures.run(CurlFixtures.request("GET", "-o/etc/passwd")))
        #expect(dash.urls == ["-o/etc/passwd"] && !dash.flags.contains("-o/etc/passwd"))
    }

    @Test("a secret placeholder in the host keeps its braces")
    func placeholderHost() throws {
        let call = try #require(CurlFixtures.run(CurlFixtures.request("GET", "{{baseUrl}}/v1/legacy/report")))
        #expect(call.url == "{{baseUrl}}/v1/legacy/report")
        #expect(call.flags.contains("--globoff"))
    }
}
