import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

/// Every URL shape the v2.0/v2.1 schemas allow.
@Suite("Postman reader: URL shapes")
struct PostmanReaderURLTests {
    typealias T = PostmanTestSupport

    /// One expected split of a string URL.
    struct Split: Sendable, CustomTestStringConvertible {
        var raw: String
        var scheme: String?
        var host: [String]?
        var port: String?
        var path: [String]?
        var query: [PostmanKeyValue] = []
        var hash: String?
        var testDescription: String { raw }
    }

    @Test("splits string URLs the way Postman does", arguments: [
        Split(raw: "https://api.example.test/v1/ping?x=1&y=two", scheme: "https", host: ["api", "example", "test"],
              path: ["v1", "ping"], query: [.init(key: "x", value: "1"), .init(key: "y", value: "two")]),
        Split(raw: "{{baseUrl}}/orders/:orderId", host: ["{{baseUrl}}"], path: ["orders", ":orderId"]),
        Split(raw: "{{scheme}}://{{hostName}}:{{port}}/ping", scheme: "{{scheme}}", host: ["{{hostName}}"],
              port: "{{port}}", path: ["ping"]),
        Split(raw: "https://api.example.test:8443/v1/report?flag&empty=#section-2", scheme: "https",
              host: ["api", "example", "test"], port: "8443", path: ["v1", "report"],
              query: [.init(key: "flag", value: nil), .init(key: "empty", value: "")], hash: "section-2"),
        Split(raw: "http://[::1]:8080/v1/files/report%202024.pdf", scheme: "http", host: ["[::1]"], port: "8080",
              path: ["v1", "files", "report%202024.pdf"]),
        Split(raw: "api.example.test/v1/lower", host: ["api", "example", "test"], path: ["v1", "lower"]),
        Split(raw: "{{host.name}}/a/b/", host: ["{{host.name}}"], path: ["a", "b", ""]),
        Split(raw: "https://user:pw@x.test/a", scheme: "https", host: ["x", "test"], path: ["a"]),
        Split(raw: "{{url}}?q={{a?b}}", host: ["{{url}}"], query: [.init(key: "q", value: "{{a?b}}")]),
        Split(raw: "  https://x.test", scheme: "https", host: ["x", "test"]),
    ])
    func stringURLs(split: Split) throws {
        let url = try #require(try T.request(#"{"url": \#(JSONSerializer.quoted(split.raw))}"#).url)
        #expect(url.raw == split.raw)
        #expect(url.protocol == split.scheme)
        #expect(url.host == split.host)
        #expect(url.port == split.port)
        #expect(url.path == split.path)
        #expect(url.query == split.query)
        #expect(url.hash == split.hash)
    }

    @Test("reads a URL object without raw, assembling nothing it was not given")
    func objectWithoutRaw() throws {
        let url = try #require(try T.request(#"""
        {"url": {"protocol": "https", "host": ["api", "example", "test"], "path": ["v1", "widgets"],
                 "query": [{"key": "limit", "value": "5"}]}}
        """#).url)
        #expect(url.raw == nil)
        #expect(url.assembledRaw == "https://api.example.test/v1/widgets?limit=5")
    }

    @Test("host and path may be strings; a string host stays whole")
    func stringParts() throws {
        let url = try #require(try T.request(#"""
        {"url": {"raw": "https://api.example.test/v1/things", "protocol": "https",
                 "host": "api.example.test", "path": "/v1/things"}}
        """#).url)
        #expect(url.host == ["api.example.test"])
        #expect(url.path == ["v1", "things"])
        #expect(url.assembledRaw == "https://api.example.test/v1/things")
    }

    @Test("query rows keep disabled flags, null values and descriptions; path variables keep descriptions")
    func queryAndVariables() throws {
        let url = try #require(try T.request(#"""
        {"url": {"raw": "{{baseUrl}}/orders/:orderId?limit=10&flag",
                 "host": ["{{baseUrl}}"], "path": ["orders", ":orderId"],
                 "query": [{"key": "limit", "value": "10", "description": "Page size"},
                           {"key": "flag", "value": null},
                           {"key": "expand", "value": "all", "disabled": true}],
                 "variable": [{"key": "orderId", "value": "", "description": "Order id"},
                              {"id": "legacy", "value": 7, "type": "any"}]}}
        """#).url)
        #expect(url.query == [
            PostmanKeyValue(key: "limit", value: "10", description: RichText("Page size")),
            PostmanKeyValue(key: "flag", value: nil),
            PostmanKeyValue(key: "expand", value: "all", disabled: true),
        ])
        #expect(url.variables == [
            PostmanKeyValue(key: "orderId", value: "", description: RichText("Order id")),
            PostmanKeyValue(key: "legacy", value: "7", type: "any"),
        ])
        #expect(url.assembledRaw == "{{baseUrl}}/orders/:orderId?limit=10&flag")
    }

    @Test("an object holding only raw reads like the string form; given parts win over raw")
    func rawOnlyObject() throws {
        let onlyRaw = try #require(try T.request(#"{"url": {"raw": "https://x.test:81/a?b=1#h"}}"#).url)
        #expect(onlyRaw.host == ["x", "test"])
        #expect(onlyRaw.port == "81")
        #expect(onlyRaw.query == [PostmanKeyValue(key: "b", value: "1")])
        #expect(onlyRaw.hash == "h")
        let mixed = try #require(try T.request(#"{"url": {"raw": "https://x.test/a?b=1", "query": []}}"#).url)
        #expect(mixed.query.isEmpty)
        #expect(mixed.path == ["a"])
    }

    @Test("path segments written as {type, value} objects and a numeric port are read")
    func segmentObjects() throws {
        let url = try #require(try T.request(#"""
        {"url": {"host": ["x", "test"], "port": 8443, "path": ["a", {"type": "string", "value": "b"}]}}
        """#).url)
        #expect(url.port == "8443")
        #expect(url.path == ["a", "b"])
    }
}
