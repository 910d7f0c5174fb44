import Foundation
import Testing
@testable import PorticoCLI

/// Exercises `FileWatcher` against a real temporary folder and real inotify events.
/// Serialized because each test blocks a thread in poll(); on a 2-core box running
/// them in parallel only adds timing noise.
@Suite(.serialized)
struct FileWatcherTests {
    /// A fresh workspace folder, removed when the test's value goes away.
    final class Workspace {
        let url: URL
        init() throws {
            url = FileManager.default.temporaryDirectory
                .appendingPathComponent("portico-watch-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: url) }

        func write(_ path: String, _ text: String = "x") throws {
            let file = url.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            // Not `.atomic`: that would itself be a temp-file-and-rename.
            try Data(text.utf8).write(to: file)
        }
        func mkdir(_ path: String) throws {
            try FileManager.default.createDirectory(at: url.appendingPathComponent(path),
                                                    withIntermediateDirectories: true)
        }
    }

    @Test func writingAFileIsSeen() throws {
        let workspace = try Workspace()
        let watcher = try FileWatcher(root: workspace.url)
        try workspace.write("guide.md", "# Hello")
        let changes = watcher.waitForChanges(timeout: .seconds(3))
        #expect(changes?.paths.contains("guide.md") == true)
        #expect(changes?.fullRescan == false)
    }

    @Test func aBurstOfWritesArrivesAsOneChangeSet() throws {
        let workspace = try Workspace()
        let watcher = try FileWatcher(root: workspace.url)
        let names = (0..<20).map { "pages/page\($0).md" }
        try workspace.mkdir("pages")
        // Let the folder's creation be consumed first so the burst stands alone.
        _ = watcher.waitForChanges(timeout: .seconds(3))
        for name in names { try workspace.write(name, name) }
        // A generous quiet period keeps a busy CI machine's scheduling gaps inside one batch.
        let changes = watcher.waitForChanges(quietPeriod: .milliseconds(300), timeout: .seconds(3))
        #expect(changes.map { Set(names).isSubset(of: $0.paths) } == true)
        #expect(watcher.waitForChanges(timeout: .milliseconds(300)) == nil)
    }

    @Test func saveViaTempFileAndRenameReportsTheFinalName() throws {
        let workspace = try Workspace()
        try workspace.write("api.yaml", "old")
        let watcher = try FileWatcher(root: workspace.url)
        try workspace.write("api.yaml.tmp-1234", "new")
        #expect(rename(workspace.url.appendingPathComponent("api.yaml.tmp-1234").path,
                       workspace.url.appendingPathComponent("api.yaml").path) == 0)
        let changes = watcher.waitForChanges(timeout: .seconds(3))
        #expect(changes?.paths.contains("api.yaml") == true)
    }

    @Test func filesInANewSubfolderAreSeenAndTheFolderIsWatched() throws {
        let workspace = try Workspace()
        let watcher = try FileWatcher(root: workspace.url)
        // Written immediately: the file exists before the watcher can add a watch.
        try workspace.mkdir("guides/deep")
        try workspace.write("guides/deep/intro.md")
        let first = watcher.waitForChanges(timeout: .seconds(3))
        #expect(first?.paths.contains("guides/deep/intro.md") == true)

        try workspace.write("guides/deep/later.md")
        let second = watcher.waitForChanges(timeout: .seconds(3))
        #expect(second?.paths.contains("guides/deep/later.md") == true)
    }

    @Test func aFolderMovedInIsScannedAndWatched() throws {
        let workspace = try Workspace()
        let outside = try Workspace()
        try outside.write("incoming/a.md")
        let watcher = try FileWatcher(root: workspace.url)
        #expect(rename(outside.url.appendingPathComponent("incoming").path,
                       workspace.url.appendingPathComponent("moved").path) == 0)
        let first = watcher.waitForChanges(timeout: .seconds(3))
        #expect(first?.paths.contains("moved/a.md") == true)
        try workspace.write("moved/b.md")
        #expect(watcher.waitForChanges(timeout: .seconds(3))?.paths.contains("moved/b.md") == true)
    }

    @Test func aRenamedFolderReportsUnderItsNewName() throws {
        let workspace = try Workspace()
        try workspace.write("docs/a.md")
        let watcher = try FileWatcher(root: workspace.url)
        #expect(rename(workspace.url.appendingPathComponent("docs").path,
                       workspace.url.appendingPathComponent("guides").path) == 0)
        let moved = watcher.waitForChanges(timeout: .seconds(3))
        #expect(moved?.paths.isSuperset(of: ["docs", "guides/a.md"]) == true)
        try workspace.write("guides/b.md")
        let changes = watcher.waitForChanges(timeout: .seconds(3))
        #expect(changes?.paths == ["guides/b.md"])
    }

    @Test func hiddenBackupAndOutputPathsAreIgnored() throws {
        let workspace = try Workspace()
        try workspace.mkdir(".git/objects")
        try workspace.mkdir("site/acme")
        let watcher = try FileWatcher(root: workspace.url, ignoring: [
            workspace.url.appendingPathComponent("site"),
            // Does not exist yet; created below while watching.
            workspace.url.appendingPathComponent("build/out"),
        ])
        try workspace.write(".git/objects/ab12", "blob")
        try workspace.write(".git/HEAD", "ref")
        try workspace.write("site/acme/index.html", "<html>")
        try workspace.write("build/out/index.html", "<html>")
        try workspace.write(".guide.md.swp", "swap")
        try workspace.write("guide.md~", "backup")
        let changes = watcher.waitForChanges(timeout: .milliseconds(500))
        // `build` itself is not ignored (only build/out is), so its creation may show up.
        #expect(changes == nil || changes?.paths.allSatisfy({ $0 == "build" }) == true)
        try workspace.write("build/out/more.html", "<html>")
        try workspace.write("site/acme/more.html", "<html>")
        #expect(watcher.waitForChanges(timeout: .milliseconds(500)) == nil)
    }

    @Test func editorTemporaryFilesAloneReportNothingAndAreNeverListed() throws {
        let workspace = try Workspace()
        try workspace.mkdir("docs")
        let watcher = try FileWatcher(root: workspace.url)
        let noise = ["docs/.#guide.md", "docs/guide.md~", "docs/guide.md.swp", "docs/guide.md.swo", "4913",
                     "docs/5036", "docs/guide.md.tmp", "docs/GUIDE.TMP", "docs/#guide.md#",
                     "docs/guide.md___jb_tmp___", "docs/guide.md___jb_old___"]
        for path in noise {
            try workspace.write(path, "temp")
        }
        for path in noise {
            try FileManager.default.removeItem(at: workspace.url.appendingPathComponent(path))
        }
        #expect(watcher.waitForChanges(timeout: .milliseconds(500)) == nil)

        // A save among the same noise is reported by its real name only.
        try workspace.write("4913", "probe")
        try workspace.write("docs/guide.md.swp", "swap")
        try workspace.write("docs/guide.md")
        try workspace.write("docs/guide.md~", "backup")
        let changes = watcher.waitForChanges(timeout: .seconds(3))
        #expect(changes?.paths == ["docs/guide.md"])
    }

    @Test func namesThatOnlyLookLikeEditorFilesAreWatched() {
        #expect(WatchIgnoreRules.isEditorNoise("sedAb12Cd"), "sed -i's temporary file")
        for name in ["2024", "4914", "release-4913.md", "notes.md", "swp.md", "tmp", "#tag.md", "a#b#", "sed.md", "sediments"] {
            #expect(!WatchIgnoreRules.isEditorNoise(Substring(name)), "\(name)")
        }
    }

    @Test func deletingAFileIsSeen() throws {
        let workspace = try Workspace()
        try workspace.write("old.md")
        try workspace.write("docs/gone/inner.md")
        let watcher = try FileWatcher(root: workspace.url)
        try FileManager.default.removeItem(at: workspace.url.appendingPathComponent("old.md"))
        try FileManager.default.removeItem(at: workspace.url.appendingPathComponent("docs/gone"))
        let changes = watcher.waitForChanges(timeout: .seconds(3))
        #expect(changes?.paths.contains("old.md") == true)
        #expect(changes?.paths.contains("docs/gone") == true)
    }

    @Test func stopWakesABlockedWaiter() async throws {
        let workspace = try Workspace()
        let watcher = try FileWatcher(root: workspace.url)
        let started = ContinuousClock.now
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<ChangeSet?, Never>) in
            Thread.detachNewThread {
                continuation.resume(returning: watcher.waitForChanges(timeout: .seconds(10)))
            }
            Thread.detachNewThread {
                usleep(100_000)
                watcher.stop()
            }
        }
        #expect(result == nil)
        #expect(ContinuousClock.now - started < .seconds(3))
        // Stopped for good: later calls return at once.
        #expect(watcher.waitForChanges(timeout: .seconds(5)) == nil)
    }
}
