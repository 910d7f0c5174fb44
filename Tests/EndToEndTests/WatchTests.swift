import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `portico watch`: one build, then a rebuild per change. Each test runs its own watcher on
/// a small three-partner workspace (temporary folder) publishing into another temporary folder,
/// edits the workspace the way a person would and polls the published files, every wait bounded.
@Suite("Watch", .serialized)
struct WatchTests {
    /// How long a change may take to show in the published sites.
    static let publishLimit: TimeInterval = 10

    @Test("the first build publishes every partner's site, and Ctrl-C then exits 0 within a few seconds")
    func firstBuildThenInterrupt() async throws {
        let session = try await WatchSession.start()
        defer { session.discard() }

        for slug in WatchWorkspace.slugs {
            #expect(FileManager.default.fileExists(atPath: session.page(slug, WatchWorkspace.listOrdersPage).path),
                    "\(slug): \(session.child.transcript)")
        }
        #expect(session.child.stdout.contains("watching "), "\(session.child.transcript)")
        let exit = await session.child.interruptAndWait(timeout: 5)
        #expect(exit?.status == 0 && exit?.bySignal == false, "\(String(describing: exit)): \(session.child.transcript)")
        #expect(session.child.stdout.contains("stopped"), "\(session.child.transcript)")
    }

    @Test("a request description edit shows on that request's page in every partner site")
    func descriptionEditReachesEveryPartner() async throws {
        let session = try await WatchSession.start()
        defer { session.discard() }

        try session.workspace.write(WatchWorkspace.collectionPath,
                                    WatchWorkspace.collection(listDescription: "Lists orders EDITEDTOKEN now."))
        let pages = WatchWorkspace.slugs.map { session.page($0, WatchWorkspace.listOrdersPage) }
        let shown = await session.child.until(timeout: Self.publishLimit) {
            pages.allSatisfy { Self.text($0).contains("EDITEDTOKEN") }
        }
        #expect(shown, "not on every request page within \(Self.publishLimit) s: \(session.child.transcript)")
        for page in pages { #expect(!Self.text(page).contains("ORIGINALTOKEN"), "\(page.path)") }
        await session.expectCleanExit()
    }

    @Test("renaming one partner changes only that partner's site: the others keep every byte and mtime")
    func partnerEditTouchesOnlyThatSite() async throws {
        let session = try await WatchSession.start()
        defer { session.discard() }
        let others = ["beta", "gamma"]
        let before = try others.map { try PublishedFiles(session.site($0)) }
        let alphaBefore = try PublishedFiles(session.site("alpha"))

        try session.workspace.write("partners/alpha.yaml", "name: \"Partner Alpha Renamed\"\n")
        let index = session.page("alpha", "index.html")
        let shown = await session.child.until(timeout: Self.publishLimit) {
            Self.text(index).contains("Partner Alpha Renamed")
        }
        #expect(shown, "alpha's site never showed the new name: \(session.child.transcript)")
        // The summary line comes after every site was published: the build is over.
        #expect(await session.child.waitForBuilds(2), "\(session.child.transcript)")

        for (slug, old) in zip(others, before) {
            let now = try PublishedFiles(session.site(slug))
            #expect(now == old, "\(slug) was touched: \(now.differences(from: old))")
        }
        #expect(try PublishedFiles(session.site("alpha")).differences(from: alphaBefore).contains("index.html"))
        await session.expectCleanExit()
    }

    @Test("invalid portico.yaml prints path:line:col: error and keeps the old sites; fixing it publishes")
    func brokenSettingsKeepOldSitesThenFixPublishes() async throws {
        let session = try await WatchSession.start()
        defer { session.discard() }
        let before = try PublishedFiles(session.out)

        try session.workspace.write("portico.yaml", "name: \"Watch Workspace\nmultipartner: [true\n")
        #expect(await session.child.waitForStderr(timeout: Self.publishLimit) { Self.settingsErrors(in: $0) >= 1 },
                "no diagnostic for portico.yaml: \(session.child.transcript)")
        #expect(try PublishedFiles(session.out) == before, "a failed build changed the published sites")

        // A change made while the workspace is broken builds (and fails) too, and is not lost.
        try session.workspace.write("partners/delta.yaml", "name: \"Partner Delta\"\n")
        #expect(await session.child.waitForStderr(timeout: Self.publishLimit) {
            $0.components(separatedBy: "the last good sites stay").count > 2
        }, "the second failed build said nothing: \(session.child.transcript)")
        #expect(try PublishedFiles(session.out) == before, "a failed build changed the published sites")
        #expect(session.child.isRunning, "watch must keep watching after an error")

        try session.workspace.write("portico.yaml", WatchWorkspace.settings(name: "Watch Workspace Fixed"))
        let slugs = WatchWorkspace.slugs + ["delta"]
        let published = await session.child.until(timeout: Self.publishLimit) {
            slugs.allSatisfy { Self.text(session.page($0, "index.html")).contains("Watch Workspace Fixed") }
        }
        #expect(published, "the fixed workspace was not published: \(session.child.transcript)")
        await session.expectCleanExit()
    }

    @Test("an editor-style save (temporary file in the same folder, then renamed over) is picked up",
          arguments: [".orders.json.swp", "orders.json.tmp", "orders.json~"])
    func editorSaveIsPickedUp(_ temporaryName: String) async throws {
        let session = try await WatchSession.start()
        defer { session.discard() }

        try EditorSave.write(WatchWorkspace.collection(listDescription: "Lists orders RENAMEDTOKEN."),
                             to: session.workspace.root.appendingPathComponent(WatchWorkspace.collectionPath),
                             through: temporaryName)
        let pages = WatchWorkspace.slugs.map { session.page($0, WatchWorkspace.listOrdersPage) }
        let shown = await session.child.until(timeout: Self.publishLimit) {
            pages.allSatisfy { Self.text($0).contains("RENAMEDTOKEN") }
        }
        #expect(shown, "the renamed-over file was not rebuilt: \(session.child.transcript)")
        await session.expectCleanExit()
    }

    @Test("editor temporary files alone start no rebuild, and the changed: line names only the saved file")
    func editorTemporaryFilesAreNotChanges() async throws {
        let session = try await WatchSession.start()
        defer { session.discard() }
        let folder = session.workspace.root.appendingPathComponent("collections")
        let noise = ["4913", ".#orders.json", "orders.json.swp", "#orders.json#", "orders.json~", "orders.json.tmp"]
        for name in noise {
            try Data("temp".utf8).write(to: folder.appendingPathComponent(name))
            try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
        }
        // Longer than the watcher's quiet period: a rebuild would have started by now.
        try await Task.sleep(nanoseconds: 1_500_000_000)
        #expect(!session.child.stdout.contains("changed:"), "\(session.child.transcript)")
        #expect(session.child.buildLines.count == 1, "\(session.child.transcript)")

        // A Vim-like save: the write probe, a swap file, then the file itself.
        try Data("probe".utf8).write(to: folder.appendingPathComponent("4913"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("4913"))
        try Data("swap".utf8).write(to: folder.appendingPathComponent("orders.json.swp"))
        try EditorSave.write(WatchWorkspace.collection(listDescription: "Lists orders SAVEDTOKEN."),
                             to: session.workspace.root.appendingPathComponent(WatchWorkspace.collectionPath),
                             through: "orders.json.tmp")
        #expect(await session.child.waitForBuilds(2, timeout: Self.publishLimit), "\(session.child.transcript)")
        let changed = session.child.stdout.split(separator: "\n").filter { $0.hasPrefix("changed:") }
        #expect(changed == ["changed: \(WatchWorkspace.collectionPath)"], "\(session.child.transcript)")
        await session.expectCleanExit()
    }

    /// How many lines of `stderr` are a `portico.yaml:<line>:<col>: error:` diagnostic.
    static func settingsErrors(in stderr: String) -> Int {
        stderr.split(whereSeparator: \.isNewline).filter { $0.contains(#/^(\./)?portico\.yaml:\d+:\d+: error: /#) }.count
    }

    /// A file's text, or "" while it is absent (between polls a site may be mid-swap).
    static func text(_ url: URL) -> String {
        String(decoding: (try? Data(contentsOf: url)) ?? Data(), as: UTF8.self)
    }
}

/// A running `portico watch WORKSPACE --out OUT` whose first build is published.
struct WatchSession: Sendable {
    /// The watcher ended or never printed its first build summary.
    struct NotStarted: Error, CustomStringConvertible {
        var transcript: String
        var description: String { "portico watch did not finish its first build:\n\(transcript)" }
    }

    let workspace: TestWorkspace
    let out: URL
    let child: WatchProcess

    /// Writes the workspace, starts the watcher from inside it (so diagnostics read
    /// `portico.yaml:…`) and waits for the first build.
    static func start(extraArguments: [String] = []) async throws -> WatchSession {
        let workspace = try TestWorkspace("watch", files: WatchWorkspace.files)
        let out = try Scratch.directory("watch-out")
        let child = try WatchProcess(["watch", ".", "--out", out.path] + extraArguments, in: workspace.root)
        let session = WatchSession(workspace: workspace, out: out, child: child)
        let built = await child.waitForStdout(timeout: 60) { $0.contains("watching ") }
        guard built, child.buildLines.count == 1 else {
            defer { session.discard() }
            throw NotStarted(transcript: child.transcript)
        }
        return session
    }

    func site(_ slug: String) -> URL { out.appendingPathComponent(slug) }

    func page(_ slug: String, _ path: String) -> URL { site(slug).appendingPathComponent(path) }

    /// Ctrl-C, then exit status 0 within a few seconds.
    func expectCleanExit(sourceLocation: SourceLocation = #_sourceLocation) async {
        let exit = await child.interruptAndWait(timeout: 5)
        #expect(exit?.status == 0 && exit?.bySignal == false,
                "after SIGINT: \(exit.map(String.init(describing:)) ?? "still running after 5 s"): \(child.transcript)",
                sourceLocation: sourceLocation)
    }

    /// Kills the watcher if it still runs and removes both folders.
    func discard() {
        child.stop()
        workspace.discard()
        Scratch.remove(out)
    }
}

/// The inline workspace: three partners, one collection whose request `List orders` says
/// ORIGINALTOKEN, and a `portico.lock` so the first build does not write into the workspace
/// (which would start a second build).
enum WatchWorkspace {
    static let slugs = ["alpha", "beta", "gamma"]
    static let collectionPath = "collections/orders.json"
    static let listOrdersPage = "c/orders-api/list-orders.html"

    static var files: [String: String] {
        var files = [
            "portico.yaml": settings(name: "Watch Workspace"),
            "portico.lock": "multipartner_enabled: 2024-01-01\n",
            collectionPath: collection(listDescription: "Lists orders ORIGINALTOKEN."),
        ]
        for slug in slugs { files["partners/\(slug).yaml"] = "name: \"Partner \(slug.capitalized)\"\n" }
        return files
    }

    static func settings(name: String) -> String {
        "name: \"\(name)\"\nmultipartner: true\nteam:\n  - name: Ada Admin\n    role: admin\n"
    }

    static func collection(listDescription: String) -> String {
        """
        {
          "info": {"name": "Orders API",
                   "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
          "item": [
            {"name": "List orders", "request": {"method": "GET", "url": "https://api.example.test/v1/orders",
                                                "description": "\(listDescription)"}},
            {"name": "Create order", "request": {"method": "POST", "url": "https://api.example.test/v1/orders",
                                                 "description": "Creates an order."}}
          ]
        }

        """
    }
}

/// Saving like an editor: write a temporary file beside the target, fsync it, rename it over.
enum EditorSave {
    struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ text: String, to target: URL, through temporaryName: String) throws {
        let temporary = target.deletingLastPathComponent().appendingPathComponent(temporaryName)
        guard FileManager.default.createFile(atPath: temporary.path, contents: Data(text.utf8)) else {
            throw Failed(description: "could not write \(temporary.path)")
        }
        let handle = try FileHandle(forWritingTo: temporary)
        try handle.synchronize()
        try handle.close()
        guard rename(temporary.path, target.path) == 0 else {
            throw Failed(description: "rename to \(target.path) failed: errno \(errno)")
        }
    }
}

/// Every file under a folder with its bytes and modification time (to the nanosecond):
/// equal snapshots mean nothing was rewritten, not even with the same bytes.
struct PublishedFiles: Equatable {
    struct Entry: Equatable {
        var bytes: Data
        var seconds: Int
        var nanoseconds: Int
    }

    let entries: [String: Entry]

    init(_ root: URL) throws {
        var entries: [String: Entry] = [:]
        for path in DirectorySnapshot.relativePaths(under: root) {
            let url = root.appendingPathComponent(path)
            var info = stat()
            guard lstat(url.path, &info) == 0 else { continue }
            entries[path] = Entry(bytes: try Data(contentsOf: url), seconds: Int(info.st_mtim.tv_sec),
                                  nanoseconds: Int(info.st_mtim.tv_nsec))
        }
        self.entries = entries
    }

    /// Paths added, removed, rewritten or re-timed between `other` and `self`, sorted.
    func differences(from other: PublishedFiles) -> [String] {
        Set(entries.keys).union(other.entries.keys).filter { entries[$0] != other.entries[$0] }.sorted()
    }
}
