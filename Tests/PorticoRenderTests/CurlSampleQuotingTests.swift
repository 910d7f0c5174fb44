import Foundation
import PorticoModel
import PorticoRender
import Testing

/// Whatever a value holds, the command a partner pastes sends exactly that value.
@Suite("cURL sample quoting")
struct CurlSampleQuotingTests {
    @Test("a raw body arrives byte for byte", arguments: CurlFixtures.awkward.filter { !$0.isEmpty })
    func rawBody(_ value: String) throws {
        let call = try #require(CurlFixtures.run(CurlFixtures.request("POST", body: .raw(text: value, language: "text"))))
        #expect(call.data.map { $0.0 } == ["--data-raw"])
        #expect(call.body == value)
    }

    @Test("a header value arrives as one line", arguments: CurlFixtures.awkward)
    func headerValue(_ value: String) throws {
        let call = try #require(CurlFixtures.run(CurlFixtures.request(headers: [.init(key: "X-Value", value: value)])))
        // A line break would forge a second header, so each run of them is one space.
        let expected = value.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
        #expect(call.headers == [expected.isEmpty ? "X-Value;" : "X-Value: " + expected])
    }

    @Test("a form text field arrives as written", arguments: CurlFixtures.awkward)
    func formField(_ value: String) throws {
        let body = SiteBody.formData([SiteFormField(key: "note", value: value, isFile: false)])
        let call = try #require(CurlFixtures.run(CurlFixtures.request("POST", body: body)))
        #expect(call.forms.count == 1)
        #expect(call.forms.first?.1 == "note=" + value)
        // -F would read `@x` as a file, `"x"` as quoted and `;type=` as an option.
        if call.forms.first?.0 == "-F" {
            #expect(!value.hasPrefix("@") && !value.hasPrefix("<") && !value.hasPrefix("\"") && !value.contains(";"))
        }
    }

    @Test("urlencoded keys and values decode to themselves, strictly encoded", arguments: CurlFixtures.awkward)
    func urlencoded(_ value: String) throws {
        let body = SiteBody.urlencoded([.init(key: value, value: value), .init(key: "b", value: "2")])
        let call = try #require(CurlFixtures.run(CurlFixtures.request("POST", body: body)))
        let sent = try #require(call.body)
        #expect(!sent.contains { $0.isWhitespace }, "no raw whitespace in \(sent)")
        #expect(sent.range(of: "%(?![0-9A-Fa-f]{2})", options: .regularExpression) == nil, "stray % in \(sent)")
        #expect(formPairs(sent) == [[value, value], ["b", "2"]])
    }

    @Test("basic auth user and password arrive as written", arguments: CurlFixtures.awkward)
    func basicAuth(_ value: String) throws {
        let auth = CurlFixtures.auth("basic", ["username": "user-" + value, "password": value])
        let call = try #require(CurlFixtures.run(CurlFixtures.request(auth: auth)))
        #expect(call.user == "user-" + value + ":" + value)
    }

    @Test("an API key in the query decodes to itself",
          arguments: CurlFixtures.awkward.filter { !$0.contains("%") && !$0.isEmpty })
    func apiKeyQuery(_ value: String) throws {
        let auth = CurlFixtures.auth("apikey", ["key": "api key", "value": value, "in": "query"])
        let call = try #require(CurlFixtures.run(CurlFixtures.request("GET", "https://api.example.test/v1/x?a=1#top",
                                                                      auth: auth)))
        #expect(!call.url.contains { $0.isWhitespace || $0.unicodeScalars.first!.value < 0x20 })
        let query = String(call.url.split(separator: "?", maxSplits: 1)[1].split(separator: "#")[0])
        #expect(formPairs(query) == [["a", "1"], ["api key", value]])
        #expect(call.url.hasSuffix("#top"))
    }

    @Test("a URL keeps what it says: spaces become %20, %XX is not encoded twice, braces stay")
    func url() throws {
        let url = "https://api.example.test/v1/notes('key-1')/a b/report%202024.pdf?q=a b&tag=x'y&t={{token}}&w=wow!"
        let call = try #require(CurlFixtures.run(CurlFixtures.request("GET", url)))
        #expect(call.url == "https://api.example.test/v1/notes('key-1')/a%20b/report%202024.pdf"
            + "?q=a%20b&tag=x'y&t={{token}}&w=wow!")
        #expect(call.flags.contains("--globoff"))
    }

    @Test("IPv6 hosts are not read as curl globs")
    func ipv6() throws {
        let call = try #require(CurlFixtures.run(CurlFixtures.request("GET", "http://[::1]:8080/v1/files/report%202024.pdf")))
        #expect(call.url == "http://[::1]:8080/v1/files/report%202024.pdf")
        #expect(call.flags.contains("--globoff"))
    }

    @Test("plain text is single-quoted; control characters use $'…' with no \\' inside")
    func quoteForms() {
        #expect(ShellQuote.quote("") == "''")
        #expect(ShellQuote.quote("it's wow!") == "'it'\\''s wow!'")
        #expect(ShellQuote.quote("a\nb") == "'a\nb'")
        #expect(ShellQuote.quote("it's\r\n\tx") == "$'it\\x27s\\r\n\\tx'")
        #expect(ShellQuote.quote("\u{202E}") == "$'\\xE2\\x80\\xAE'")
        #expect(ShellQuote.word("POST") == "POST")
        #expect(ShellQuote.word("MY METHOD") == "'MY METHOD'")
    }
}
