import Foundation
import Testing

/// The second wall and the first wall's precision: a leak that gets past the
/// projection is stopped by the leak guard before anything is published, and
/// content a partner cannot see does not even touch its site when it changes.
@Suite("Isolation: the leak guard stops what the projection cannot filter")
struct IsolationLeakTests {
    /// A leak planted in a good workspace, and where the guard must find it.
    struct Plant: Sendable, CustomTestStringConvertible {
        var name: String
        var files: [String: String]
        /// The guard's error must name this file of alpha's site and say what it holds.
        var file: String
        var what: String
        var testDescription: String { name }
    }

    /// Why these are genuine leaks: alpha may never see beta's name or its people
    /// (spec section 8), and none of these paths goes through the projection, which
    /// filters only workspace content by visibility. Assets are copied into every site
    /// byte for byte, file names included; a workspace template override prints its
    /// literal text on every page of every site; and an email is never a coincidence,
    /// so beta's member's address in a description only alpha sees is a leak even
    /// though alpha may see that description.
    ///
    /// What is deliberately not flagged (the false-alarm rule): a partner name, member
    /// name or value the team wrote into text alpha may see, such as alpha's own
    /// `environment:` value equal to beta's name. The guard cannot tell that from a
    /// coincidence ("Beta" the partner, "beta" the programme), and the partner's own
    /// file is its own; the team preview shows such text under "Only …" badges.
    static let plants: [Plant] = [
        Plant(name: "a team asset naming another partner",
              files: ["assets/contacts.txt": "Pilot partners: Partner Beta (bea@beta.example)\n"],
              file: "alpha/assets/contacts.txt", what: "partner beta"),
        Plant(name: "a team asset whose file name names another partner",
              files: ["assets/Partner Beta logo.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n"],
              file: "alpha/assets/Partner Beta logo.svg", what: "the name of partner beta"),
        Plant(name: "a template override with another partner's name in capitals",
              files: ["templates/layout.mustache": Self.defaultLayout.replacingOccurrences(
                of: "</footer>", with: " · with thanks to PARTNER BETA</footer>")],
              file: "alpha/index.html", what: "the name of partner beta"),
        Plant(name: "another partner's member email in a description only alpha sees",
              files: ["portico.yaml": WorkspaceFiles.settings(extra: """
                  visibility:
                    partners:
                      collections/Orders API/Pilot: [alpha]

                  """),
                      "collections/orders.json": Self.pilotCollection],
              file: "alpha/c/orders-api/", what: "an email of partner beta"),
    ]

    static var defaultLayout: String {
        (try? String(contentsOf: SharedFiles.repositoryRoot.appendingPathComponent("templates/layout.mustache"),
                     encoding: .utf8)) ?? "{{{content}}}<footer>{{siteName}}</footer>"
    }

    /// The orders collection with a folder `Pilot` whose request mentions Bea of beta.
    static var pilotCollection: String {
        WorkspaceFiles.ordersCollection.replacingOccurrences(of: """
            {"name": "Ping", "request": {"method": "GET", "url": "https://api.example.test/ping"}},
            """, with: """
            {"name": "Ping", "request": {"method": "GET", "url": "https://api.example.test/ping"}},
            {"name": "Pilot", "item": [{"name": "Pilot call", "request": {"method": "GET",
              "url": "https://api.example.test/pilot", "description": "Questions? Ask Bea.Beta@Beta.example."}}]},
            """)
    }

    static func workspace(_ label: String) throws -> TestWorkspace {
        var files = WorkspaceFiles.minimal(partners: [WorkspaceFiles.alpha, WorkspaceFiles.beta])
        files["partners/beta.yaml"] = "name: Partner Beta\nmembers:\n  - name: Bea Bright\n    email: bea.beta@beta.example\n"
        files["collections/orders.json"] = WorkspaceFiles.ordersCollection
        return try TestWorkspace(label, files: files)
    }

    @Test("a planted leak stops the build: exit 1, a leak guard error naming the file, the sites unchanged",
          arguments: plants)
    func plantedLeakIsStopped(_ plant: Plant) async throws {
        let workspace = try Self.workspace("iso-plant")
        defer { workspace.discard() }
        let good = try await workspace.build()
        try #require(good.status == 0, "\(good)")
        let before = try IsolationStamps(workspace.out)
        for (path, text) in plant.files { try workspace.write(path, text) }

        let result = try await workspace.build()
        #expect(result.status == 1, "\(result)")
        #expect(result.lines.contains { $0.contains("leak guard: \(plant.file)") && $0.contains(plant.what) }, "\(result)")
        #expect(!result.lines.contains { $0.contains("leak guard: beta/") }, "beta's own name is no leak in beta's site")
        #expect(try IsolationStamps(workspace.out).differences(from: before).isEmpty, "the published sites changed")
    }

    // MARK: - Metamorphic: what alpha cannot see cannot change alpha's site

    @Test("editing content alpha cannot see leaves alpha's site untouched: same bytes, same times, same files")
    func hiddenEditsLeaveAlphaAlone() async throws {
        let workspace = try TestWorkspace("iso-meta", files: IsolationWorkspace.files)
        defer { workspace.discard() }
        let first = try await workspace.build()
        try #require(first.status == 0, "\(first)")
        let alpha = workspace.out.appendingPathComponent(IsolationWorkspace.alpha.slug)
        let gamma = workspace.out.appendingPathComponent(IsolationWorkspace.gamma.slug)
        let beta = workspace.out.appendingPathComponent(IsolationWorkspace.beta.slug)
        let alphaBefore = try IsolationStamps(alpha), gammaBefore = try IsolationStamps(gamma)
        let betaBefore = try IsolationStamps(beta)
        try #require(alphaBefore.files.values.allSatisfy { $0.modified != nil && $0.inode != nil },
                     "modification times and inodes must be readable for this test to mean anything")
        // Let a rewritten file get a visibly different modification time.
        try await Task.sleep(nanoseconds: 1_100_000_000)

        for (path, text) in Self.hiddenEdits { try workspace.write(path, text) }
        let second = try await workspace.build()
        try #require(second.status == 0, "\(second)")

        #expect(try IsolationStamps(alpha).differences(from: alphaBefore).isEmpty, "alpha's site was touched")
        #expect(try IsolationStamps(gamma).differences(from: gammaBefore).isEmpty, "gamma's site was touched")
        // The edits were real: beta's own file changed, so beta's site did.
        #expect(!(try IsolationStamps(beta).differences(from: betaBefore)).isEmpty)
    }

    /// Edits to what alpha may not see: an internal request's description and a new internal
    /// request named like a visible one, beta's partner file, a comment, an internal docs page
    /// (by front matter and by selector), the hidden environment and the internal collection.
    static var hiddenEdits: [String: String] {
        var shop = IsolationWorkspace.shopCollection
        var items = shop["item"] as! [[String: Any]]
        if let i = items.firstIndex(where: { $0["name"] as? String == "Ops ZQINTFOLDER" }) {
            items[i]["description"] = "Internal tools, rewritten. ZQINTFOLDERDESC"
            items[i]["item"] = [IsolationWorkspace.request("Purge ZQINTREQ", "Purges less now. ZQINTREQDESC"),
                                IsolationWorkspace.request("Public tool", "Named like a visible request.")]
        }
        if let i = items.firstIndex(where: { $0["name"] as? String == "Beta programme ZQBETAONLY" }) {
            items[i]["description"] = "For beta only, now with more."
        }
        shop["item"] = items
        let files = IsolationWorkspace.files
        return [
            "collections/shop.postman_collection.json": IsolationWorkspace.json(shop),
            "collections/internal.postman_collection.json": IsolationWorkspace.json([
                "info": ["name": "Internal ZQINTCOLL",
                         "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"],
                "item": [IsolationWorkspace.request("Rotate keys ZQINTCOLLREQ", "Only for us."),
                         IsolationWorkspace.request("Audit ZQINTCOLLREQ2")]]),
            "partners/\(IsolationWorkspace.beta.slug).yaml": files["partners/\(IsolationWorkspace.beta.slug).yaml"]!
                .replacingOccurrences(of: "ZQBETANAME", with: "ZQBETANAME Renamed")
                .replacingOccurrences(of: "zqbetaenv-client-4", with: "zqbetaenv-client-new"),
            "comments/review.yaml": files["comments/review.yaml"]!.replacingOccurrences(of: "say more", with: "say less"),
            "docs/runbook.md": files["docs/runbook.md"]! + "\nOne more step.\n",
            "docs/ops/runbook.md": "# On call ZQINTDOCSEL\n\nPage the lead twice. ZQINTDOCSELBODY\n",
            "environments/staging.json": files["environments/staging.json"]!
                .replacingOccurrences(of: "zqhiddenval.internal", with: "zqhiddenval2.internal"),
        ]
    }
}
