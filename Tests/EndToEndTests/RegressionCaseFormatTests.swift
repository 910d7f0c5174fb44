import Foundation
import Testing

/// A file case B22 adds to collections/ next to its valid v2.0.0 collection, and the error it must give.
struct UnreadableCollection: Sendable, CustomTestStringConvertible {
    var file: String
    /// A regex the message after `error:` must match.
    var message: String
    var testDescription: String { file }

    static let all: [UnreadableCollection] = [
        UnreadableCollection(file: "collection-v1.json", message: #"(?i)\bv1\b|version 1\b|1\.0\.0"#),
        UnreadableCollection(file: "not-a-collection.json", message: #"(?i)environment|not a (?:postman )?collection"#),
    ]
}

/// Collection formats, case B22: v2.0.0 renders completely; a v1 file or an environment file
/// among the collections stops the build with a located error and leaves the site untouched.
@Suite("Regression cases: formats", .enabled(if: sharedAvailable, "../shared is absent: skipped"))
struct RegressionCaseFormatTests {
    @Test("B22: a v2.0.0 collection shows string URLs, object-shaped bearer auth and inherited basic auth")
    func v20CollectionRenders() async throws {
        for site in try await CaseSites.build("B22").requireSites() {
            let ping = try #require(site.page(titled: "Ping"))
            #expect(site.endpointURL(on: ping) == "https://api.example.test/ping?verbose=1")
            let create = try #require(site.page(titled: "Create order"))
            #expect(site.text[create]!.contains("{{orderToken}}") && site.text[create]!.contains(/(?i)bearer/))
            let list = try #require(site.page(titled: "List orders"))
            #expect(site.text[list]!.contains("{{user}}") && site.text[list]!.contains(/(?i)basic/))
            for page in site.pages {
                let leaked = /\bundefined\b|\bnull\b|\[object Object\]|Accidentally placed environment/
                #expect(!site.text[page]!.contains(leaked), "\(page)")
            }
        }
    }

    @Test("B22: an unreadable file among the collections is one located error, exit 1, and the site stays as it was",
          arguments: UnreadableCollection.all)
    func unreadableCollectionIsRefused(_ unreadable: UnreadableCollection) async throws {
        let workspace = try CaseSites.workspace("B22")
        defer { workspace.discard() }
        let first = try await workspace.build()
        try #require(first.status == 0, "\(first)")
        let before = try DirectorySnapshot(workspace.out)
        try workspace.copy(try CaseSites.folder("B22").appendingPathComponent(unreadable.file),
                           to: "collections/\(unreadable.file)")

        let result = try await workspace.buildFromInside()

        #expect(result.status == 1, "\(result)")
        #expect(result.diagnostics.count == 1, "\(result)")
        let line = result.diagnostics.first ?? ""
        let escapedFile = NSRegularExpression.escapedPattern(for: "collections/\(unreadable.file)")
        #expect(line.contains(try Regex("^(?:\\./)?\(escapedFile):\\d+:\\d+: error: ")), "\(line)")
        #expect(line.contains(try Regex(unreadable.message)), "\(line)")
        let after = try DirectorySnapshot(workspace.out)
        #expect(after == before, "changed by the failed build: \(after.differences(from: before).prefix(5))")
    }
}
