import Foundation
import Testing

/// Partner isolation, proved on the built `portico`: a hostile multipartner workspace
/// with a canary in every field (IsolationWorkspace) is built, and each partner's
/// site is searched for every canary it must not hold, in every encoding and file
/// name; its own canaries must be there; every XSS payload must be inert; nothing may
/// leave the partner's folder.
@Suite("Isolation: a partner site holds its own content and nothing else")
struct IsolationTests {
    /// The hostile workspace, built once for the tests that only read its sites.
    struct Built: Sendable {
        var workspace: TestWorkspace
        var result: CommandResult
        func site(_ slug: String) -> URL { workspace.out.appendingPathComponent(slug) }
    }

    private static let cache = OnceCache<Built>()

    static func hostile() async throws -> Built {
        try await cache.value("hostile") {
            let workspace = try TestWorkspace("isolation", files: IsolationWorkspace.files)
            return Built(workspace: workspace, result: try await workspace.build())
        }
    }

    static let slugs = IsolationWorkspace.partners.map(\.slug)

    @Test("the hostile workspace builds: one site per partner, and only those")
    func builds() async throws {
        let built = try await Self.hostile()
        try #require(built.result.status == 0, "\(built.result)")
        let top = Set(try FileManager.default.contentsOfDirectory(atPath: built.workspace.out.path))
        #expect(top == Set(Self.slugs + [".portico-sites"]), "\(top)")
    }

    @Test("no site holds another partner's, internal, secret, comment or team-email canary, in any form or file name",
          arguments: slugs)
    func noForeignCanary(_ slug: String) async throws {
        let built = try await Self.hostile()
        try #require(built.result.status == 0, "\(built.result)")
        let findings = try IsolationScan.findings(in: built.site(slug), forbidden: IsolationWorkspace.forbidden(in: slug))
        #expect(findings.isEmpty, "\(slug) leaks:\n\(findings.prefix(40).joined(separator: "\n"))")
    }

    @Test("each site shows its own partner: name, member, environment value, partner-only folder and page",
          arguments: IsolationWorkspace.partners.map(\.slug))
    func ownCanariesAppear(_ slug: String) async throws {
        let built = try await Self.hostile()
        try #require(built.result.status == 0, "\(built.result)")
        let partner = try #require(IsolationWorkspace.partners.first { $0.slug == slug })
        let missing = try IsolationScan.missing(partner.mustShow, in: built.site(slug))
        #expect(missing.isEmpty, "\(slug)'s site lacks its own \(missing)")
        // Visible content every partner shares is there too, hostile names included.
        let site = try PartnerSite(root: built.site(slug))
        for name in ["Inside dotdot", "Inside dot", "Public tool", "../../etc/passwd", "a/b/c slash name", "CON"] {
            #expect(site.page(titled: name) != nil, "\(slug): no page for the request \(name)")
        }
        #expect(site.files.contains("docs/getting-started-guide.html"), "the docs page with spaces in its file name")
        #expect(site.files.contains { $0.hasPrefix("docs/more-guides/") }, "the docs folder with a space in its name")
    }

    @Test("every XSS payload is inert: no script but the theme's, no event handler, no script URL", arguments: slugs)
    func payloadsAreNeutralised(_ slug: String) async throws {
        let built = try await Self.hostile()
        try #require(built.result.status == 0, "\(built.result)")
        let site = try PartnerSite(root: built.site(slug))
        var problems: [String] = []
        for page in site.pages {
            problems += IsolationHTML.activeContent(in: site.html[page]!).map { "\(page): \($0)" }
        }
        #expect(problems.isEmpty, "\(problems.prefix(30).joined(separator: "\n"))")
        // The payloads were there to neutralise: names reached the pages as text, escaped.
        #expect(site.showsText("List things <script>alert('ZQXSSREQ')</script>"), "a request name shown as text")
        #expect(site.showsText("<img src=x onerror=alert('ZQXSSNAME')>"), "a hostile request name shown as text")
    }

    @Test("the search index is one JSON literal and every download is valid JSON, whatever the names hold",
          arguments: slugs)
    func scriptsAndDownloadsStayData(_ slug: String) async throws {
        let built = try await Self.hostile()
        try #require(built.result.status == 0, "\(built.result)")
        let root = built.site(slug)
        let script = String(decoding: try Data(contentsOf: root.appendingPathComponent("search-index.js")), as: UTF8.self)
        let prefix = "window.PORTICO_SEARCH = "
        try #require(script.hasPrefix(prefix) && script.hasSuffix(";\n"), "\(script.prefix(200))")
        let literal = script.dropFirst(prefix.count).dropLast(2)
        #expect(!literal.contains("</script"), "a closing script tag inside the index")
        let parsed = try JSONSerialization.jsonObject(with: Data(literal.utf8))
        #expect((parsed as? [Any])?.isEmpty == false)
        for path in DirectorySnapshot.relativePaths(under: root) where path.hasSuffix(".json") {
            #expect((try? PostmanJSON.parse(Data(contentsOf: root.appendingPathComponent(path)))) != nil, "\(path)")
        }
    }

    @Test("every file stays inside its partner folder: safe relative names, no links, nothing beside the sites")
    func filesStayInside() async throws {
        let built = try await Self.hostile()
        try #require(built.result.status == 0, "\(built.result)")
        let beside = try FileManager.default.contentsOfDirectory(atPath: built.workspace.folder.path)
        #expect(Set(beside) == ["workspace", "out"], "written beside the output: \(beside)")
        #expect(IsolationTree.symbolicLinks(under: built.workspace.out).isEmpty)
        for slug in Self.slugs {
            for path in IsolationTree.entries(under: built.site(slug)) {
                let segments = path.split(separator: "/", omittingEmptySubsequences: false)
                #expect(!segments.contains { $0.isEmpty || $0 == "." || $0 == ".." }, "\(slug)/\(path)")
                #expect(!path.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" },
                        "\(slug)/\(path) has a control character or backslash")
                #expect(segments.allSatisfy { $0.utf8.count <= 255 }, "\(slug)/\(path) has an over-long name")
                let base = segments.last.map { String($0.split(separator: ".").first ?? "").lowercased() } ?? ""
                #expect(!["con", "prn", "aux", "nul"].contains(base), "\(slug)/\(path) has a reserved device name")
            }
        }
        // The workspace gained only the lock; no hostile name reached the disk outside the output.
        let written = Set(IsolationTree.entries(under: built.workspace.root))
            .subtracting(IsolationWorkspace.files.keys.flatMap { Self.pathAndParents($0) })
        #expect(written == ["portico.lock"], "\(written)")
    }

    /// The checks above are only as good as their tools: each must see what it looks for.
    @Test("the scanner finds a token in every encoding and file name; the tag checker flags raw payloads")
    func checkersAreNotBlind() throws {
        let folder = try Scratch.directory("isolation-self-check")
        defer { Scratch.remove(folder) }
        let planted = ["a.html": "x &#90;&#x51;SECRET y", "b.js": #"{"t":"\u005aQSECRET"}"#, "c.txt": "%5AQSECRET%",
                       "d.html": "zqsecret lower", "e/ZQSECRET.html": "clean"]
        for (path, text) in planted {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let found = try IsolationScan.findings(in: folder, forbidden: [("ZQSECRET", "test")])
        #expect(Set(found.map { String($0.prefix { $0 != ":" }) }) == Set(planted.keys), "\(found)")

        for payload in ["<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
                        "<a href=\"java&#x09;script:alert(1)\">x</a>", "<iframe src=x></iframe>", "<svg onload=alert(1)>",
                        "<a title='>' onclick=alert(1)>x</a>", "<form action=javascript:alert(1)>"] {
            #expect(!IsolationHTML.activeContent(in: "<p>\(payload)</p>").isEmpty, "not flagged: \(payload)")
        }
        #expect(IsolationHTML.activeContent(in: "<p>&lt;script&gt;alert(1)&lt;/script&gt; onerror=x</p>").isEmpty)
    }

    static func pathAndParents(_ path: String) -> [String] {
        let parts = path.split(separator: "/").map(String.init)
        return (1...parts.count).map { parts.prefix($0).joined(separator: "/") }
    }

    /// The bench workspace at the size of a large customer: 50 partners, 300 requests per
    /// collection, checked by the project's own independent scanner. A debug build of
    /// this takes minutes (see the report in docs-notes/ISOLATION.md).
    @Test("leakscan.py finds nothing in 50 partner sites of the bench workspace",
          .enabled(if: sharedAvailable, "../shared is absent: skipped"), .timeLimit(.minutes(30)))
    func benchFiftyPartners() async throws {
        let folder = try Scratch.directory("isolation-bench")
        defer { Scratch.remove(folder) }
        let workspace = folder.appendingPathComponent("workspace"), out = folder.appendingPathComponent("out")
        let generated = try await CommandRunner.run(program: "python3", [
            SharedFiles.bench.appendingPathComponent("make_workspace.py").path, workspace.path,
            "--partners", "50", "--requests", "300",
        ])
        try #require(generated.status == 0, "\(generated)")
        let started = Date()
        let build = try await PorticoBinary.build(workspace, out: out, timeout: 1500)
        try #require(build.status == 0, "\(build)")
        let scan = try await CommandRunner.run(program: "python3", [
            SharedFiles.tools.appendingPathComponent("leakscan.py").path, out.path,
            workspace.appendingPathComponent("canaries.json").path,
        ], timeout: 900)
        #expect(scan.status == 0, "\(scan)")
        #expect(scan.lines.last?.contains("50 sites") == true && scan.lines.last?.contains(" 0 findings") == true,
                "\(scan)")
        print("isolation bench: build \(String(format: "%.1f", build.seconds ?? 0)) s, "
              + "build and scan \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }
}

private extension CommandResult {
    /// The build's own time from its summary line (`… in 12.34 s`), if it printed one.
    var seconds: Double? {
        stdout.firstMatch(of: /in ([0-9.]+) s/).flatMap { Double($0.1) }
    }
}
