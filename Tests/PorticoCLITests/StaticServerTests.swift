import Foundation
import Testing
@testable import PorticoCLI

/// Runs `StaticServer` on 127.0.0.1 with an ephemeral port over a temporary site and
/// talks to it with the real `curl`, so requests go through libmicrohttpd's parser.
@Suite(.serialized)
struct StaticServerTests {
    /// A small built site plus a server over it; both removed when the test ends.
    final class Fixture {
        let base: URL
        let root: URL
        let server: StaticServer

        /// `notFoundPage` writes a `404.html` into the site; `serveSiteFolders` serves the
        /// folder holding the site (`site/`, as `portico serve` does) instead of the site.
        init(notFoundPage: Bool = false, notFoundHead: String = "", serveSiteFolders: Bool = false) throws {
            base = FileManager.default.temporaryDirectory
                .appendingPathComponent("portico-serve-\(UUID().uuidString)", isDirectory: true)
            root = base.appendingPathComponent("site/acme", isDirectory: true)
            let files: [String: String] = [
                "index.html": "<html><body><h1>Home</h1></body></html>",
                "guides/index.html": "<html><BODY>Guides</BODY></html>",
                "guides/style.css": "body{}",
                "app.js": "console.log(1)",
                "data.json": "{}",
                "logo.svg": "<svg/>",
                "notes.txt": "plain",
                "blob.bin": "??",
            ]
            for (path, text) in files {
                let file = root.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: file.deletingLastPathComponent(),
                                                        withIntermediateDirectories: true)
                try Data(text.utf8).write(to: file)
            }
            if notFoundPage {
                try Data("<html><head>\(notFoundHead)<link rel=\"stylesheet\" href=\"_theme/portico.css\"></head><body>custom missing page</body></html>".utf8)
                    .write(to: root.appendingPathComponent("404.html"))
            }
            // A secret next to the site and a symlink inside the site pointing at it.
            try Data("secret".utf8).write(to: base.appendingPathComponent("secret.txt"))
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("leak").path,
                                                       withDestinationPath: base.path)
            try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("leak.txt").path,
                                                       withDestinationPath: base.appendingPathComponent("secret.txt").path)
            server = try StaticServer(root: serveSiteFolders ? root.deletingLastPathComponent() : root, port: 0)
        }

        deinit {
            server.stop()
            try? FileManager.default.removeItem(at: base)
        }

        /// One curl request; `extra` goes before the URL (e.g. `-I`, `-X POST`).
        func get(_ path: String, _ extra: [String] = []) throws -> Reply {
            let output = base.appendingPathComponent("reply-\(UUID().uuidString)")
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
            process.arguments = ["-s", "--max-time", "5", "--path-as-is", "-o", output.path,
                                 "-w", "%{http_code}|%{content_type}|%{redirect_url}"]
                + extra + ["http://127.0.0.1:\(server.port)\(path)"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let written = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            let fields = String(decoding: written, as: UTF8.self)
                .split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            let body = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            return Reply(status: Int(fields.first ?? "") ?? -1,
                         contentType: fields.count > 1 ? fields[1] : "",
                         redirect: fields.count > 2 ? fields[2] : "",
                         body: body)
        }
    }

    /// What curl reported: status (0 when nothing answered), type, redirect target, body file.
    struct Reply {
        var status: Int
        var contentType: String
        var redirect: String
        var body: String
    }

    @Test func servesFilesWithTheirContentTypes() throws {
        let site = try Fixture()
        #expect(site.server.port != 0)
        let expected: [(String, String)] = [
            ("/index.html", "text/html; charset=utf-8"),
            ("/guides/style.css", "text/css; charset=utf-8"),
            ("/app.js", "text/javascript; charset=utf-8"),
            ("/data.json", "application/json"),
            ("/logo.svg", "image/svg+xml"),
            ("/notes.txt", "text/plain; charset=utf-8"),
            ("/blob.bin", "application/octet-stream"),
        ]
        for (path, type) in expected {
            let reply = try site.get(path)
            #expect(reply.status == 200, "\(path)")
            #expect(reply.contentType == type, "\(path)")
        }
        #expect(try site.get("/notes.txt").body == "plain")
    }

    @Test func securityAndCachingHeadersAreSent() throws {
        let site = try Fixture()
        let headers = try site.get("/notes.txt", ["-I"]).body.lowercased()
        #expect(headers.contains("x-content-type-options: nosniff"))
        #expect(headers.contains("cache-control: no-cache"))
    }

    @Test func foldersServeTheirIndexAndRedirectWithoutSlash() throws {
        let site = try Fixture()
        let root = try site.get("/")
        #expect(root.status == 200)
        #expect(root.body.contains("Home"))
        let folder = try site.get("/guides/")
        #expect(folder.status == 200)
        #expect(folder.contentType == "text/html; charset=utf-8")
        #expect(folder.body.contains("Guides"))
        let bare = try site.get("/guides")
        #expect(bare.status == 301)
        #expect(bare.redirect.hasSuffix("/guides/"))
        // A doubled slash must not become a protocol-relative (off-site) redirect.
        let doubled = try site.get("//guides")
        #expect(doubled.status == 301)
        #expect(doubled.redirect == "http://127.0.0.1:\(site.server.port)/guides/")
    }

    @Test func missingPathsGet404() throws {
        let plain = try Fixture()
        let missing = try plain.get("/nope.html")
        #expect(missing.status == 404)
        #expect(missing.contentType == "text/html; charset=utf-8")
        #expect(missing.body.contains("Not Found"))

        let custom = try Fixture(notFoundPage: true)
        let page = try custom.get("/nope/deeper")
        #expect(page.status == 404)
        #expect(page.body.contains("custom missing page"))
    }

    @Test func aSiteNotFoundPageGetsABaseForTheFolderItIsServedFrom() throws {
        // Served as the root: the page's relative links must resolve from `/` at any depth.
        let alone = try Fixture(notFoundPage: true)
        let deep = try alone.get("/nope/deeper/still.html")
        #expect(deep.status == 404)
        #expect(deep.body.contains(#"<head><base href="/"><link rel="stylesheet" href="_theme/portico.css">"#))

        // Served among the site folders: the site's own 404 page, based at its folder.
        let sites = try Fixture(notFoundPage: true, serveSiteFolders: true)
        for path in ["/acme/nope.html", "/acme/c/nope/deeper.html", "/acme/guides/nope/"] {
            let page = try sites.get(path)
            #expect(page.status == 404, "\(path)")
            #expect(page.body.contains("custom missing page"), "\(path)")
            #expect(page.body.contains(#"<head><base href="/acme/">"#), "\(path)")
        }
        // Outside any site folder there is no site 404 page to send.
        let outside = try sites.get("/nobody/nope.html")
        #expect(outside.status == 404)
        #expect(outside.body.contains("Not Found"))
        #expect(!outside.body.contains("custom missing page"))
    }

    @Test func aBaseFromBaseURLIsReplacedOnTheWireOnly() throws {
        // base_url names the real host's folder, which is not where this server has the site.
        let sites = try Fixture(notFoundPage: true, notFoundHead: #"<meta charset="utf-8"><BASE HREF="/partners/acme/">"#,
                                serveSiteFolders: true)
        let page = try sites.get("/acme/missing/page.html")
        #expect(page.status == 404)
        #expect(page.body.contains(#"<head><base href="/acme/"><meta charset="utf-8"><link"#))
        #expect(!page.body.contains("/partners/acme/"))
        let onDisk = try String(contentsOf: sites.root.appendingPathComponent("404.html"), encoding: .utf8)
        #expect(onDisk.contains(#"<BASE HREF="/partners/acme/">"#))
    }

    @Test func theRootOfAnOutputFolderListsOnlyThePublishedSites() throws {
        let sites = try Fixture(serveSiteFolders: true)
        let output = sites.root.deletingLastPathComponent()
        // Without the publisher's manifest nothing is known to be a site: no listing.
        #expect(try sites.get("/").status == 404)

        // Beside acme: a folder Portico did not publish, a listed site whose folder is
        // gone, and names that are no folder of this output.
        for folder in ["private-stuff", "half"] {
            try FileManager.default.createDirectory(at: output.appendingPathComponent(folder),
                                                    withIntermediateDirectories: true)
        }
        try Data("<html><body>not a site</body></html>".utf8)
            .write(to: output.appendingPathComponent("private-stuff/index.html"))
        try Data("acme\ngone\nhalf\n..\n../secret\n<b>\n".utf8)
            .write(to: output.appendingPathComponent(".portico-sites"))

        let index = try sites.get("/")
        #expect(index.status == 200)
        #expect(index.contentType == "text/html; charset=utf-8")
        let links = index.body.matches(of: /href="([^"]*)"/).map { String($0.1) }
        #expect(links == ["acme/"], "\(index.body)")
        for name in ["private-stuff", "gone", "half", "secret", "<b>"] {
            #expect(!index.body.contains(name), "\(name) in \(index.body)")
        }
        #expect(try sites.get("/" + (links.first ?? "")).body.contains("Home"))

        // The list of every partner's folder is bookkeeping, never served as a file.
        let manifest = try sites.get("/.portico-sites")
        #expect(manifest.status == 404)
        #expect(!manifest.body.contains("gone"), "\(manifest.body)")

        // A site served on its own has its own index.html at `/`, never the list.
        let alone = try Fixture()
        #expect(try alone.get("/").body.contains("Home"))
    }

    @Test func traversalIsRefused() throws {
        let site = try Fixture()
        let attempts = [
            "/../../etc/passwd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/guides/..%2f..%2f..%2fetc/passwd",
            "/%2E%2E/secret.txt",
            "/..%5c..%5csecret.txt",
            "/index.html%00.txt",
            "/%252e%252e/secret.txt",
        ]
        for path in attempts {
            let reply = try site.get(path)
            #expect([400, 403, 404].contains(reply.status), "\(path) → \(reply.status)")
            #expect(!reply.body.contains("root:"), "\(path)")
            #expect(!reply.body.contains("secret"), "\(path)")
        }
    }

    @Test func symlinksLeavingTheRootAreRefused() throws {
        let site = try Fixture()
        for path in ["/leak/secret.txt", "/leak.txt", "/leak/"] {
            let reply = try site.get(path)
            #expect([403, 404].contains(reply.status), "\(path) → \(reply.status)")
            #expect(!reply.body.contains("secret"), "\(path)")
        }
    }

    @Test func headAnswersWithoutABodyAndOtherMethodsGet405() throws {
        let site = try Fixture()
        let head = try site.get("/index.html", ["-I"])
        #expect(head.status == 200)
        #expect(head.contentType == "text/html; charset=utf-8")
        #expect(!head.body.contains("Home"))
        let post = try site.get("/index.html", ["-X", "POST", "-d", "a=b"])
        #expect(post.status == 405)
        #expect(try site.get("/index.html", ["-X", "DELETE"]).status == 405)
    }

    @Test func liveReloadInjectsTheScriptAndReportsNewBuilds() throws {
        let site = try Fixture()
        #expect(!(try site.get("/").body.contains("/__portico/reload.js")))

        site.server.liveReload = true
        let page = try site.get("/")
        #expect(page.body.contains("<script src=\"/__portico/reload.js\"></script></body>"))
        // Case-insensitive `</BODY>` still gets it, before the closing tag.
        #expect(try site.get("/guides/").body.contains("</script></BODY>"))
        // Only served pages change; the built file on disk does not.
        let onDisk = try String(contentsOf: site.root.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!onDisk.contains("reload.js"))

        let script = try site.get("/__portico/reload.js")
        #expect(script.status == 200)
        #expect(script.contentType == "text/javascript; charset=utf-8")
        #expect(script.body.contains("/__portico/build-id"))

        let before = try site.get("/__portico/build-id")
        #expect(before.status == 200)
        #expect(before.body == "0")
        site.server.notifyReload()
        #expect(try site.get("/__portico/build-id").body == "1")
        #expect(site.server.buildID == 1)
    }

    @Test func stopReleasesThePort() throws {
        let site = try Fixture()
        let port = site.server.port
        site.server.stop()
        site.server.stop()
        #expect(try site.get("/").status == 0)
        // The same port can be bound again right away.
        let again = try StaticServer(root: site.root, port: port)
        #expect(again.port == port)
        again.stop()
    }

    @Test func rejectsANonIPv4Host() {
        #expect(throws: StaticServerError.invalidHost("example.com")) {
            _ = try StaticServer(root: FileManager.default.temporaryDirectory, host: "example.com", port: 0)
        }
    }
}
