import Foundation
import Testing

/// `portico serve` and `portico watch --serve`, fetched with the real `curl` over loopback.
/// Each test starts its own server on `--port 0` and reads the port it printed.
@Suite("Serve")
struct ServeTests {
    /// The three-partner watch workspace, built once with `portico build`.
    private static let built = OnceCache<URL>()

    private func sites() async throws -> URL {
        try await Self.built.value("sites") {
            let workspace = try TestWorkspace("serve", files: WatchWorkspace.files)
            let result = try await workspace.build()
            guard result.status == 0 else { throw BuildFailed(result: result) }
            return workspace.out
        }
    }

    @Test("a page is 200 text/html; charset=utf-8 with the file's bytes, and Ctrl-C exits 0")
    func pageIsServed() async throws {
        let sites = try await sites()
        let server = try await Server.start(["serve", sites.path, "--port", "0"])
        defer { server.child.stop() }

        let response = try await server.get("/alpha/index.html")
        #expect(response.status == 200, "\(response)")
        #expect(response.contentType == "text/html; charset=utf-8", "\(response)")
        #expect(response.body == (try Data(contentsOf: sites.appendingPathComponent("alpha/index.html"))))
        await server.expectCleanExit()
    }

    @Test("a folder with its trailing slash serves its index.html")
    func folderServesIndex() async throws {
        let sites = try await sites()
        let server = try await Server.start(["serve", sites.path, "--port", "0"])
        defer { server.child.stop() }

        let response = try await server.get("/alpha/")
        #expect(response.status == 200, "\(response)")
        #expect(response.contentType == "text/html; charset=utf-8", "\(response)")
        #expect(response.body == (try Data(contentsOf: sites.appendingPathComponent("alpha/index.html"))))
        await server.expectCleanExit()
    }

    @Test("a missing page is 404", arguments: ["/alpha/no-such-page.html", "/nobody/index.html"])
    func missingPageIs404(_ path: String) async throws {
        let sites = try await sites()
        let server = try await Server.start(["serve", sites.path, "--port", "0"])
        defer { server.child.stop() }

        let response = try await server.get(path)
        #expect(response.status == 404, "\(response)")
        await server.expectCleanExit()
    }

    @Test("a missing page deep in a site gets that site's 404 page, whose stylesheet and links resolve into the site")
    func missingPageKeepsItsStyle() async throws {
        let sites = try await sites()
        let server = try await Server.start(["serve", sites.path, "--port", "0"])
        defer { server.child.stop() }

        let response = try await server.get("/alpha/c/no/such/page.html")
        #expect(response.status == 404, "\(response)")
        let page = String(decoding: response.body, as: UTF8.self)
        #expect(page.contains("Page not found"), "\(response)")
        // What a browser does: resolve the page's relative links against its <base>,
        // else against the requested URL, and fetch the stylesheet.
        let requested = try #require(URL(string: "http://127.0.0.1:\(server.port)/alpha/c/no/such/page.html"))
        let base = page.firstMatch(of: /<base href="([^"]*)">/).flatMap { URL(string: String($0.1), relativeTo: requested) }
        let stylesheet = try #require(page.firstMatch(of: /<link rel="stylesheet" href="([^"]*)">/), "\(page)")
        let resolved = try #require(URL(string: String(stylesheet.1), relativeTo: base ?? requested)?.absoluteURL)
        #expect(resolved.path == "/alpha/_theme/portico.css")
        let css = try await server.get(resolved.path)
        #expect(css.status == 200, "\(css)")
        await server.expectCleanExit()
    }

    @Test("a workspace folder is refused: it holds secrets and every partner, not sites")
    func workspaceIsRefused() async throws {
        let workspace = try TestWorkspace("serve-ws", files: WatchWorkspace.files)
        defer { workspace.discard() }
        // The workspace itself, the folder holding it, and a content folder inside it.
        try workspace.write("docs/runbook.md", "# Internal runbook\n")
        for folder in [workspace.root, workspace.folder, workspace.root.appendingPathComponent("docs")] {
            let result = try await PorticoBinary.run(["serve", folder.path, "--port", "0"], timeout: 30)
            #expect(result.status == 64, "\(result)")
            #expect(result.stderr.contains("is a workspace, not built sites"), "\(result)")
            #expect(!result.stdout.contains("serving"), "\(result)")
        }
    }

    @Test("/ of the output folder links to each built site, and every link works")
    func rootListsTheSites() async throws {
        let sites = try await sites()
        let server = try await Server.start(["serve", sites.path, "--port", "0"])
        defer { server.child.stop() }

        let response = try await server.get("/")
        #expect(response.status == 200, "\(response)")
        let links = String(decoding: response.body, as: UTF8.self).matches(of: /href="([^"]*)"/).map { String($0.1) }
        #expect(links == WatchWorkspace.slugs.sorted().map { $0 + "/" }, "\(response)")
        for link in links {
            let site = try await server.get("/" + link)
            #expect(site.status == 200, "\(site)")
        }
        await server.expectCleanExit()
    }

    @Test("a path leaving the served folder is refused, never answered with the file", arguments: [
        "/../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/alpha/../../../../etc/passwd",
        "/alpha/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/alpha/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/..%5c..%5cetc%5cpasswd",
    ])
    func traversalIsRefused(_ path: String) async throws {
        let sites = try await sites()
        let server = try await Server.start(["serve", sites.path, "--port", "0"])
        defer { server.child.stop() }

        let response = try await server.get(path)
        #expect([400, 403, 404].contains(response.status), "\(response)")
        let body = String(decoding: response.body, as: UTF8.self)
        #expect(!body.contains("root:") && !body.contains("/bin/"), "passwd content served for \(path)")
        await server.expectCleanExit()
    }

    @Test("the theme stylesheet is text/css")
    func stylesheetIsCSS() async throws {
        let sites = try await sites()
        let server = try await Server.start(["serve", sites.path, "--port", "0"])
        defer { server.child.stop() }

        let response = try await server.get("/alpha/_theme/portico.css")
        #expect(response.status == 200, "\(response)")
        #expect(response.contentType.hasPrefix("text/css"), "\(response)")
        #expect(response.body == (try Data(contentsOf: sites.appendingPathComponent("alpha/_theme/portico.css"))))
        await server.expectCleanExit()
    }

    @Test("watch --serve: /__portico/build-id changes after an edit is published, pages carry the reload script")
    func watchServeBumpsBuildID() async throws {
        let session = try await WatchSession.start(extraArguments: ["--serve", "--port", "0"])
        defer { session.discard() }
        let server = try Server(child: session.child)

        let page = try await server.get("/alpha/index.html")
        #expect(page.status == 200, "\(page)")
        #expect(String(decoding: page.body, as: UTF8.self).contains("/__portico/reload.js"),
                "the live-reload script is missing from a served page")
        let first = try await server.get("/__portico/build-id")
        try #require(first.status == 200, "\(first)")

        try session.workspace.write(WatchWorkspace.collectionPath,
                                    WatchWorkspace.collection(listDescription: "Lists orders RELOADTOKEN."))
        let deadline = Date().addingTimeInterval(WatchTests.publishLimit)
        var latest = first
        while latest.body == first.body && Date() < deadline && session.child.isRunning {
            try await Task.sleep(nanoseconds: 50_000_000)
            latest = try await server.get("/__portico/build-id")
        }
        #expect(latest.status == 200 && latest.body != first.body,
                "build id stayed \(String(decoding: first.body, as: UTF8.self)): \(session.child.transcript)")
        let served = try await server.get("/alpha/" + WatchWorkspace.listOrdersPage)
        #expect(String(decoding: served.body, as: UTF8.self).contains("RELOADTOKEN"),
                "the build id changed before the new page was published")
        await session.expectCleanExit()
    }
}

/// A running `serve` (or `watch --serve`) and the port it printed.
private struct Server: Sendable {
    /// The server never printed `serving … at http://127.0.0.1:<port>/`.
    struct NoPort: Error, CustomStringConvertible {
        var transcript: String
        var description: String { "no `serving … at http://127.0.0.1:<port>/` line:\n\(transcript)" }
    }

    let child: WatchProcess
    let port: Int

    /// Starts `portico` with `arguments` and waits (at most 30 s) for the port.
    static func start(_ arguments: [String]) async throws -> Server {
        let child = try WatchProcess(arguments)
        _ = await child.waitForStdout(timeout: 30) { Self.port(in: $0) != nil }
        return try Server(child: child)
    }

    /// The server of an already started child that printed its port.
    init(child: WatchProcess) throws {
        guard let port = Self.port(in: child.stdout) else {
            child.stop()
            throw NoPort(transcript: child.transcript)
        }
        self.child = child
        self.port = port
    }

    private static func port(in stdout: String) -> Int? {
        guard let match = stdout.firstMatch(of: /serving .+ at http:\/\/127\.0\.0\.1:(\d+)\//),
              let port = Int(match.1), port > 0 else { return nil }
        return port
    }

    /// GET `path` exactly as written (`--path-as-is`: curl must not remove `..` itself).
    func get(_ path: String) async throws -> HTTPResult {
        let folder = try Scratch.directory("curl-get")
        defer { Scratch.remove(folder) }
        let body = folder.appendingPathComponent("body")
        let result = try await CommandRunner.run(program: "curl", [
            "--silent", "--show-error", "--path-as-is", "--noproxy", "*", "--max-time", "5",
            "--output", body.path, "--write-out", "%{http_code}\n%{content_type}",
            "http://127.0.0.1:\(port)\(path)",
        ], timeout: 15)
        guard result.status == 0 else { throw HTTPResult.Failed(path: path, result: result) }
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return HTTPResult(path: path, status: Int(lines.first ?? "") ?? -1,
                          contentType: lines.count > 1 ? lines[1] : "",
                          body: (try? Data(contentsOf: body)) ?? Data())
    }

    /// Ctrl-C, then exit status 0 within a few seconds.
    func expectCleanExit(sourceLocation: SourceLocation = #_sourceLocation) async {
        let exit = await child.interruptAndWait(timeout: 5)
        #expect(exit?.status == 0 && exit?.bySignal == false,
                "after SIGINT: \(exit.map(String.init(describing:)) ?? "still running after 5 s"): \(child.transcript)",
                sourceLocation: sourceLocation)
    }
}

/// One response as curl saw it.
private struct HTTPResult: Sendable, CustomStringConvertible {
    /// curl itself failed (connection refused, timeout).
    struct Failed: Error, CustomStringConvertible {
        var path: String
        var result: CommandResult
        var description: String { "curl \(path) failed: \(result)" }
    }

    var path: String
    var status: Int
    var contentType: String
    var body: Data

    var description: String {
        "GET \(path) → \(status) \(contentType), \(body.count) bytes: \(String(decoding: body.prefix(200), as: UTF8.self))"
    }
}

/// `portico build` of a test workspace failed.
private struct BuildFailed: Error, CustomStringConvertible {
    var result: CommandResult
    var description: String { "portico build failed: \(result)" }
}
