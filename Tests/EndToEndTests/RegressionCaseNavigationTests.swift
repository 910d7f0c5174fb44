import Foundation
import Testing

/// Names, file names, hierarchy and order: cases B01 (non-ASCII names), B03 (deep nesting),
/// B04 (empty folders) and B05 (ordering), from their expect.md.
@Suite("Regression cases: navigation", .enabled(if: sharedAvailable, "../shared is absent: skipped"))
struct RegressionCaseNavigationTests {
    @Test("B01: every page declares UTF-8 and shows no literal numeric entity or replacement character")
    func unicodeNamesAreText() async throws {
        for site in try await CaseSites.build("B01").requireSites() {
            for page in site.pages {
                #expect(site.html[page]!.contains(/(?i)<meta[^>]+charset\s*=\s*"?utf-8/), "\(page)")
                #expect(!site.text[page]!.contains(/&#[xX]?[0-9a-fA-F]+;|\uFFFD|æ³¨/), "\(page)")
            }
        }
    }

    @Test("B01: file names are portable and stay unique ignoring case and Unicode normalisation")
    func fileNamesArePortable() async throws {
        for site in try await CaseSites.build("B01").requireSites() {
            for path in site.files {
                for name in path.split(separator: "/") {
                    #expect(!name.contains(where: { "\\:*?\"<>|".contains($0) }), "\(path)")
                    #expect(!name.hasSuffix(".") && !name.hasSuffix(" "), "\(path)")
                }
            }
            let folded = site.files.map { $0.precomposedStringWithCanonicalMapping.lowercased() }
            #expect(Set(folded).count == site.files.count, "two file names differ only in case or normalisation")
        }
    }

    @Test("B01: a name is plain text: <langs> is no element and *all* is no emphasis")
    func namesAreNotMarkup() async throws {
        for site in try await CaseSites.build("B01").requireSites() {
            for page in site.pages {
                #expect(!site.html[page]!.contains(/(?i)<langs\b/), "\(page)")
                #expect(!site.html[page]!.contains(/<(em|i)>all<\/(em|i)>/), "\(page)")
            }
        }
    }

    @Test("B03: the deepest request shows GET, its full URL and the whole folder chain")
    func deepestRequestIsComplete() async throws {
        for site in try await CaseSites.build("B03").requireSites() {
            let page = try #require(site.page(titled: "Get avatar variant"))
            #expect(site.endpointMethod(on: page) == "GET")
            let url = "https://api.example.test/v1/accounts/42/profile/avatar/variants/small"
            #expect(site.endpointURL(on: page) == url)
            let chain = ["L1 Platform", "L2 Accounts", "L3 Profiles", "L4 Avatars", "L5 Variants", "L6 Sizes",
                         "Get avatar variant"]
            #expect(namesOutOfOrder(chain, in: site.text[page]!).isEmpty, "\(site.text[page]!.prefix(400))")
        }
    }

    @Test("B03: every folder L3 to L6 shows its own description")
    func deepFoldersAreNotEmpty() async throws {
        for site in try await CaseSites.build("B03").requireSites() {
            for (folder, marker) in [("L3 Profiles", "F3"), ("L4 Avatars", "F4"), ("L5 Variants", "F5"),
                                     ("L6 Sizes", "F6")] {
                let page = try #require(site.page(titled: folder), "no page for \(folder)")
                #expect(site.text[page]!.contains("MARK-B03-\(marker)"), "\(page)")
            }
        }
    }

    @Test("B04: empty folders never show undefined, null, nil or Optional(, and a shown one keeps its description")
    func emptyFoldersAreClean() async throws {
        let build = try await CaseSites.build("B04")
        #expect(build.result.status == 0)
        for site in try build.requireSites() {
            for page in site.pages {
                #expect(!site.text[page]!.contains(/\bundefined\b|\bnull\b|\bnil\b|Optional\(/), "\(page)")
            }
            for (folder, marker) in [("Drafts", "DRAFTS"), ("Archive", "ARCHIVE"), ("Coming soon", "LAST")]
            where site.showsText(folder) {
                #expect(site.showsText("MARK-B04-F-\(marker)"), "\(folder) is shown without its description")
            }
        }
    }

    @Test("B05: saved examples keep their stored order 409, 201, 500, 400")
    func examplesKeepStoredOrder() async throws {
        for site in try await CaseSites.build("B05").requireSites() {
            let page = try #require(site.page(titled: "Charlie – step 4: start flow"))
            let text = site.text[page]!
            #expect(namesOutOfOrder(["MARK-B05-EX1", "MARK-B05-EX2", "MARK-B05-EX3", "MARK-B05-EX4"], in: text).isEmpty)
            #expect(namesOutOfOrder(["409", "201", "500", "400"], in: text).isEmpty)
        }
    }

    @Test("B05: building the same workspace twice gives byte-identical sites")
    func buildsAreDeterministic() async throws {
        let workspace = try CaseSites.workspace("B05")
        defer { workspace.discard() }
        let second = workspace.folder.appendingPathComponent("second")
        let first = try await workspace.build()
        let again = try await PorticoBinary.build(workspace.root, out: second)
        try #require(first.status == 0 && again.status == 0, "\(first)\n\(again)")
        let a = try DirectorySnapshot(workspace.out), b = try DirectorySnapshot(second)
        #expect(a == b, "differs between builds: \(a.differences(from: b).prefix(5))")
    }
}
