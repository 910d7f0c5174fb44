import Foundation
import Testing

/// Expectations of ../shared/cases/*/expect.md shared by many cases, each restated in Swift and
/// checked on the built files of both partner sites (alpha and beta). Case-specific expectations
/// are in the RegressionCase*Tests files beside this one.
@Suite("Regression cases", .enabled(if: sharedAvailable, "../shared is absent: skipped"))
struct RegressionCaseTests {
    /// Every case folder whose collection.json builds alone; B21 (the large collection) is left
    /// to OfficialCheckerTests, its size would dominate the run in a debug build.
    static let buildingCases: [String] = SharedFiles.contents(of: SharedFiles.cases)
        .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("checks.json").path) }
        .map { String($0.lastPathComponent.prefix(3)) }
        .filter { $0 != "B21" }

    @Test("the markers and names a case requires are visible in both partner sites", arguments: CaseText.all)
    func markersAreVisible(_ expectation: CaseText) async throws {
        for site in try await CaseSites.build(expectation.id).requireSites() {
            let missing = expectation.strings.filter { !site.showsText($0) }
            #expect(missing.isEmpty, "\(site.root.lastPathComponent) lacks \(missing)")
        }
    }

    @Test("the collection page lists items in collection order", arguments: CaseOrder.all)
    func collectionPageKeepsOrder(_ expectation: CaseOrder) async throws {
        for site in try await CaseSites.build(expectation.id).requireSites() {
            let page = try #require(site.collectionPages.first)
            let misplaced = namesOutOfOrder(expectation.names, in: site.text[page]!)
            #expect(misplaced.isEmpty, "missing or out of order on \(page): \(misplaced)")
        }
    }

    @Test("a name's link on the collection page lands on the page with its marker", arguments: CaseLanding.all)
    func linkLandsOnItsMarker(_ expectation: CaseLanding) async throws {
        for site in try await CaseSites.build(expectation.id).requireSites() {
            let index = try #require(site.collectionPages.first)
            let target = try #require(site.target(ofLink: expectation.name, on: index),
                                      "no link named \(expectation.name) on \(index)")
            let text = try #require(site.text[target], "\(target) is not a page of the site")
            #expect(text.contains(expectation.marker), "\(target)")
            for other in expectation.notMarkers { #expect(!text.contains(other), "\(target) shows \(other)") }
        }
    }

    @Test("every relative link, image and fragment resolves inside the partner site", arguments: buildingCases)
    func linksResolve(_ id: String) async throws {
        for site in try await CaseSites.build(id).requireSites() {
            let broken = site.brokenReferences()
            #expect(broken.isEmpty, "\(site.root.lastPathComponent): \(broken.prefix(5))")
        }
    }

    @Test("no page has an empty id or one id twice", arguments: buildingCases)
    func idsAreUnique(_ id: String) async throws {
        for site in try await CaseSites.build(id).requireSites() {
            #expect(site.duplicateIDs().isEmpty, "\(site.duplicateIDs().prefix(5))")
        }
    }

    @Test("the downloaded collections hold exactly the requests of the source collection", arguments: buildingCases)
    func downloadsHoldEveryRequest(_ id: String) async throws {
        let build = try await CaseSites.build(id)
        let expected = PostmanJSON.requestCount(try PostmanJSON.parse(contentsOf: build.input("collection.json")))
        for site in try build.requireSites() {
            #expect(try site.downloadedRequestCount() == expected, "\(site.root.lastPathComponent)")
        }
    }

    @Test("a partner site never names the other partner, in any file or file name", arguments: buildingCases)
    func otherPartnerIsAbsent(_ id: String) async throws {
        let sites = try await CaseSites.build(id).requireSites()
        for (site, other) in zip(sites, [WorkspaceFiles.beta, WorkspaceFiles.alpha]) {
            let leaks = try SiteScan.files(of: site, containing: other.name)
            #expect(leaks.isEmpty, "\(site.root.lastPathComponent) names \(other.name) in \(leaks.prefix(3))")
        }
    }
}

/// The names of `names` that do not appear in `text` after the previous one: empty when all
/// of them appear, in this order.
func namesOutOfOrder(_ names: [String], in text: String) -> [String] {
    var rest = Substring(text), misplaced: [String] = []
    for name in names {
        if let found = rest.firstRange(of: name) { rest = rest[found.upperBound...] } else { misplaced.append(name) }
    }
    return misplaced
}

/// Strings a case's expect.md requires in the visible text of some page.
struct CaseText: Sendable, CustomTestStringConvertible {
    var id: String
    var strings: [String]
    var testDescription: String { id }

    static func markers(_ id: String, _ suffixes: [String], names: [String] = []) -> CaseText {
        CaseText(id: id, strings: suffixes.map { "MARK-\(id)-\($0)" } + names)
    }

    static let all: [CaseText] = [
        markers("B01", ["1", "2", "3", "4", "5", "6", "7", "8", "9", "F1", "F2"],
                names: ["注文一覧", "注文詳細", "Получить заказ", "🚀", "🛰️", "Résumé & CV",
                        "Resume & CV",
                        "C++ / C# ? 50% off: *all* <langs>"]),
        markers("B03", ["R0", "R2", "R4", "R5", "LEAF", "F1", "F2", "F3", "F4", "F5", "F6"],
                names: ["Get avatar variant", "https://api.example.test/v1/accounts/42/profile/avatar/variants/small"]),
        markers("B04", ["1", "2", "3"], names: ["Create report", "Get report", "Ping"]),
        markers("B05", ["1", "2", "3", "4", "5", "6", "F1", "EX1", "EX2", "EX3", "EX4"]),
        markers("B06", ["FOLDER", "REQ", "DETAILS", "EXAMPLE"], names: ["Bold stays bold", "italic stays italic"]),
        markers("B08", ["CELL0", "CELL1", "CELL2"], names: ["参数名称", "参数说明", "collection-level"]),
        markers("B09", ["COLL", "FOLDER", "HEADER", "QUERY", "REQ1", "REQ2", "REQ3"], names: ["Null description"]),
        markers("B10", ["ORDERID", "ITEMID", "REQ1", "REQ2", "REQ3", "REQ4"],
                names: ["orderId", "itemId", "sessionId"]),
        markers("B11", ["Q", "EXPAND", "SORT", "REQ"], names: ["expand", "sort", "1-based page number"]),
        markers("B13", ["1", "2"]),
        markers("B14", ["1", "2", "3", "4", "5"]),
        markers("B16", ["1", "2", "3"]),
        markers("B19", ["1", "2", "3", "4", "5", "6", "7", "8", "XMLCOMMENT", "TEXT", "HTML", "JS", "JSONC",
                        "BROKEN", "LEGACY"]),
        markers("B22", ["1", "2", "3", "F1"]),
        markers("B23", ["A", "B", "C", "D", "F", "G", "H"]),
        markers("B24", ["1", "2", "BODY"]),
    ]
}

/// Names that must appear in this order on a case's collection page (its table of contents).
struct CaseOrder: Sendable, CustomTestStringConvertible {
    var id: String
    var names: [String]
    var testDescription: String { id }

    static let all: [CaseOrder] = [
        CaseOrder(id: "B03", names: ["L1 Platform", "L2 Accounts", "List accounts", "L3 Profiles", "L4 Avatars",
                                     "Upload avatar", "L5 Variants", "L6 Sizes", "Get avatar variant",
                                     "List variants", "Ping"]),
        CaseOrder(id: "B04", names: ["Create report", "Get report", "Ping"]),
        CaseOrder(id: "B05", names: ["Zeta – step 1: authenticate", "Alpha – step 2: create cart",
                                     "Mike – step 3 folder", "Yankee – step 3a: add item",
                                     "Bravo – step 3b: list items", "Charlie – step 4: start flow",
                                     "Delta – step 5: delete cart"]),
        CaseOrder(id: "B23", names: ["A – url as plain string", "B – url object without raw",
                                     "C – host and path as strings", "D – port, hash and empty query value",
                                     "E – request given as a string", "F – no url at all",
                                     "G – IPv6 host and encoded path", "H – lowercase method and no protocol"]),
    ]
}

/// A link on a case's collection page and the marker its target must show (and must not).
struct CaseLanding: Sendable, CustomTestStringConvertible {
    var id: String
    var name: String
    var marker: String
    var notMarkers: [String] = []
    var testDescription: String { "\(id) \(name)" }

    static let all: [CaseLanding] = [
        CaseLanding(id: "B01", name: "注文一覧", marker: "MARK-B01-1", notMarkers: ["MARK-B01-2"]),
        CaseLanding(id: "B01", name: "注文詳細", marker: "MARK-B01-2", notMarkers: ["MARK-B01-1"]),
        CaseLanding(id: "B01", name: "🛰️", marker: "MARK-B01-6", notMarkers: ["MARK-B01-5"]),
        CaseLanding(id: "B01", name: "Résumé & CV", marker: "MARK-B01-7", notMarkers: ["MARK-B01-9"]),
        CaseLanding(id: "B01", name: "Resume & CV", marker: "MARK-B01-9", notMarkers: ["MARK-B01-7"]),
        CaseLanding(id: "B01", name: "C++ / C# ? 50% off: *all* <langs>", marker: "MARK-B01-8"),
        CaseLanding(id: "B03", name: "Get avatar variant", marker: "MARK-B03-LEAF"),
        CaseLanding(id: "B04", name: "Get report", marker: "MARK-B04-2"),
        CaseLanding(id: "B05", name: "Charlie – step 4: start flow", marker: "MARK-B05-5"),
        CaseLanding(id: "B23", name: "G – IPv6 host and encoded path", marker: "MARK-B23-G"),
    ]
}
