import Foundation
import Testing

/// The URL a request page shows on its endpoint line, for one request of one case.
struct ShownURL: Sendable, CustomTestStringConvertible {
    var id: String
    var request: String
    /// A regex the whole URL must match.
    var pattern: String
    var environment: Bool? = nil
    var testDescription: String { "\(id) \(request)" }

    static func exact(_ id: String, _ request: String, _ url: String, environment: Bool? = nil) -> ShownURL {
        ShownURL(id: id, request: request, pattern: NSRegularExpression.escapedPattern(for: url),
                 environment: environment)
    }

    /// A path variable shown as a placeholder in any usual form, or (where given) its value.
    static func placeholder(_ name: String, value: String? = nil) -> String {
        "(?::\(name)|\\{\(name)\\}|\\{\\{\(name)\\}\\}|<\(name)>\(value.map { "|" + $0 } ?? ""))"
    }

    static let all: [ShownURL] = [
        ShownURL(id: "B10", request: "Get order line", pattern: "https://api\\.example\\.test/v1/orders/"
                 + placeholder("orderId") + "/items/" + placeholder("itemId", value: "42")),
        ShownURL(id: "B10", request: "Get thing by id and idType", pattern: "https://api\\.example\\.test/v1/things/"
                 + placeholder("id", value: "7") + "/" + placeholder("idType", value: "sku")),
        ShownURL(id: "B10", request: "Undeclared path variable",
                 pattern: "https://api\\.example\\.test/v1/sessions/" + placeholder("sessionId")),
        exact("B10", "Time slot with colon in literal text", "https://api.example.test/v1/slots/10:30/rooms/b-12"),
        exact("B11", "Search products", "https://api.example.test/v1/search?q=shoes&page=1"),
        exact("B13", "List invoices", "https://sandbox.example.test/v1/invoices?limit=25", environment: false),
        exact("B13", "List invoices", "https://api.example.test/v1/invoices?limit=25", environment: true),
        exact("B13", "Ping status host", "https://status.example.test:8443/ping", environment: false),
        exact("B13", "Ping status host", "https://status.example.test:8443/ping", environment: true),
        exact("B23", "A – url as plain string", "https://api.example.test/v1/ping?x=1&y=two"),
        exact("B23", "B – url object without raw", "https://api.example.test/v1/widgets?limit=5"),
        exact("B23", "C – host and path as strings", "https://api.example.test/v1/things"),
        exact("B23", "D – port, hash and empty query value",
              "https://api.example.test:8443/v1/report?flag&empty=#section-2"),
        exact("B23", "E – request given as a string", "https://api.example.test/v1/shortcut"),
        exact("B23", "G – IPv6 host and encoded path", "http://[::1]:8080/v1/files/report%202024.pdf"),
        ShownURL(id: "B23", request: "H – lowercase method and no protocol",
                 pattern: "(?:https?://)?api\\.example\\.test/v1/lower"),
    ]
}

/// URLs, path variables, query parameters and variables: cases B10, B11, B13 and B23.
@Suite("Regression cases: URLs", .enabled(if: sharedAvailable, "../shared is absent: skipped"))
struct RegressionCaseURLTests {
    @Test("a request page shows its complete URL", arguments: ShownURL.all)
    func requestShowsItsURL(_ expected: ShownURL) async throws {
        for site in try await CaseSites.build(expected.id, environment: expected.environment).requireSites() {
            let page = try #require(site.page(titled: expected.request), "no page for \(expected.request)")
            let url = try #require(site.endpointURL(on: page), "\(page) has no URL line")
            #expect(url.wholeMatch(of: try Regex(expected.pattern)) != nil, "\(page) shows \(url)")
        }
    }

    @Test("B10: path variables are listed with their descriptions, and 10:30 stays literal")
    func pathVariablesAreDocumented() async throws {
        for site in try await CaseSites.build("B10").requireSites() {
            let rows = site.elements("tr")
            #expect(rows.contains { $0.contains("orderId") && $0.contains("MARK-B10-ORDERID") })
            #expect(rows.contains { $0.contains("itemId") && $0.contains("42") && $0.contains("MARK-B10-ITEMID") })
            for page in site.pages {
                let mangled = /v1\/orders\/\/items|v1\/orders\/items|7Type|things\/7\/7|slots\/10b-12/
                #expect(!site.text[page]!.contains(mangled), "\(page)")
            }
        }
    }

    @Test("B11: disabled query parameters are documented but never part of a URL")
    func disabledParametersAreDocumentedNotSent() async throws {
        for site in try await CaseSites.build("B11").requireSites() {
            let rows = site.elements("tr")
            #expect(rows.contains { $0.contains("expand") && $0.contains("MARK-B11-EXPAND") })
            #expect(rows.contains { $0.contains("sort") && $0.contains("MARK-B11-SORT") })
            for page in site.pages { #expect(!site.text[page]!.contains(/[?&](?:expand|sort)=/), "\(page)") }
        }
    }

    @Test("B13: collection variables resolve, a disabled one stays {{retiredVar}} and its value appears nowhere",
          arguments: [false, true])
    func collectionVariablesResolve(_ environment: Bool) async throws {
        let build = try await CaseSites.build("B13", environment: environment)
        let parseError = /(?i)invalid character|failed to parse|(?:invalid|malformed) (?:url|host)/
        #expect(!build.result.output.contains(parseError), "\(build.result)")
        for site in try build.requireSites() {
            for page in site.pages {
                #expect(!site.text[page]!.contains(/\{\{(?:baseUrl|apiVersion|resource|pageSize|hostName|port)\}\}/),
                        "\(page)")
            }
            #expect(try SiteScan.files(of: site, containing: "SHOULD-NOT-APPEAR-B13").isEmpty)
            if !environment {
                #expect(site.elements("tr").contains { $0.contains("X-Retired") && $0.contains("{{retiredVar}}") })
            }
        }
    }

    @Test("B23: a request without URL shows OPTIONS, a lowercase method shows POST, and nothing is double-encoded")
    func unusualRequestShapes() async throws {
        for site in try await CaseSites.build("B23").requireSites() {
            let noURL = try #require(site.page(titled: "F – no url at all"))
            #expect(site.endpointMethod(on: noURL) == "OPTIONS")
            let lower = try #require(site.page(titled: "H – lowercase method and no protocol"))
            #expect(site.endpointMethod(on: lower) == "POST")
            #expect(try SiteScan.files(of: site, containing: "%2520").isEmpty)
            let missing = /(?:https?:\/\/|api\.example\.test)\S*(?:undefined|null|\bnil\b|\[object|Optional\(|map\[)/
            for page in site.pages {
                #expect(!site.text[page]!.contains(missing), "\(page)")
            }
        }
    }
}
