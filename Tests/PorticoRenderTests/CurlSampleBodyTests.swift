import Foundation
import PorticoModel
import PorticoRender
import Testing

/// Every body mode becomes the curl options that send it.
@Suite("cURL sample bodies")
struct CurlSampleBodyTests {
    private func call(_ body: SiteBody, method: String = "POST", headers: [SiteParameter] = []) throws -> ParsedCurl {
        try #require(CurlFixtures.run(CurlFixtures.request(method, headers: headers, body: body)))
    }

    @Test("urlencoded: one --data-urlencode per enabled field, secrets kept as placeholders")
    func urlencoded() throws {
        let c = try call(.urlencoded([.init(key: "grant_type", value: "client_credentials"),
                                      .init(key: "client_secret", value: "{{clientSecret}}"),
                                      .init(key: "scope", value: "read write"),
                                      .init(key: "debug", value: "1", enabled: false),
                                      .init(key: "flag", value: nil)]))
        #expect(c.data.map { $0.0 } == Array(repeating: "--data-urlencode", count: 4))
        #expect(formPairs(c.body ?? "") == [["grant_type", "client_credentials"], ["client_secret", "{{clientSecret}}"],
                                            ["scope", "read write"], ["flag", ""]])
        #expect(c.headerValues("content-type").isEmpty, "curl's own application/x-www-form-urlencoded")
    }

    @Test("form-data: text fields and file fields by name only")
    func formData() throws {
        let c = try call(.formData([
            SiteFormField(key: "title", value: "Q3 report", isFile: false),
            SiteFormField(key: "meta", value: "{\"a\":1}", isFile: false, contentType: "application/json"),
            SiteFormField(key: "avatar", value: nil, isFile: true, source: "/Users/dana/Desktop/avatar.png",
                          contentType: "image/png"),
            SiteFormField(key: "scan", value: nil, isFile: true, source: "C:\\scans\\a;b.pdf"),
            SiteFormField(key: "missing", value: nil, isFile: true),
            SiteFormField(key: "off", value: "x", isFile: false, enabled: false),
        ]))
        #expect(c.forms.map { $0.0 } == ["-F", "-F", "-F", "-F", "-F"])
        #expect(c.forms.map { $0.1 } == ["title=Q3 report", "meta={\"a\":1};type=application/json",
                                     "avatar=@avatar.png;type=image/png", "scan=@\"a;b.pdf\"", "missing=@path-to-file"])
        #expect(c.effectiveMethod == "POST" && c.headerValues("content-type").isEmpty)
    }

    @Test("a binary file body is --data-binary @name with an octet-stream type")
    func file() throws {
        let c = try call(.file(source: "/home/dana/exports/batch 7.bin"), method: "PUT")
        #expect(c.data.map { $0.0 } == ["--data-binary"] && c.data.first?.1 == "@batch 7.bin")
        #expect(c.method == "PUT" && c.headerValues("content-type") == ["application/octet-stream"])
        let missing = try call(.file(source: nil))
        #expect(missing.data.first?.1 == "@path-to-file")
    }

    @Test("GraphQL is a JSON document with query and variables")
    func graphQL() throws {
        let query = "query Q($id: ID!) {\n  note(id: $id) { text }  # it's \"quoted\"\n}"
        let c = try call(.graphQL(query: query, variables: " {\"id\": \"7\"}\n"))
        #expect(c.headerValues("content-type") == ["application/json"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data((c.body ?? "").utf8)) as? [String: Any])
        #expect(json["query"] as? String == query)
        #expect((json["variables"] as? [String: Any])?["id"] as? String == "7")

        let noVariables = try call(.graphQL(query: "{ ping }", variables: ""))
        #expect(noVariables.body == "{\"query\":\"{ ping }\"}")
    }

    @Test("empty bodies send nothing")
    func empty() throws {
        for body in [SiteBody.raw(text: "", language: "json"), .urlencoded([.init(key: "a", value: "1", enabled: false)]),
                     .formData([]), .graphQL(query: "", variables: nil)] {
            let c = try call(body)
            #expect(c.data.isEmpty && c.forms.isEmpty && c.headers.isEmpty && c.method == "POST")
        }
    }
}
