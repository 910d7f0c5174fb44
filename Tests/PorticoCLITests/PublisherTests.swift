import Foundation
import PorticoModel
import Testing
@testable import PorticoCLI

/// Publishing to disk: every site replaced whole, unchanged files kept as they
/// were, bad paths refused before anything is written, stale sites removed.
@Suite("Publisher")
struct PublisherTests {
    /// A fresh output folder inside a fresh parent, removed when the value goes away.
    final class Output {
        let parent: URL
        let url: URL
        init() throws {
            parent = FileManager.default.temporaryDirectory
                .appendingPathComponent("portico-publish-\(UUID().uuidString)", isDirectory: true)
            url = parent.appendingPathComponent("site", isDirectory: true)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }
        deinit { try? FileManager.default.removeItem(at: parent) }

        var publisher: Publisher { Publisher(output: url) }

        /// Every file under a site folder and its text.
        func contents(_ folder: String) -> [String: String] {
            let root = url.appendingPathComponent(folder)
            var out: [String: String] = [:]
            for path in Publisher.listFiles(root) {
                out[path] = (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)) ?? "<unreadable>"
            }
            return out
        }

        func attributes(_ path: String) throws -> (inode: UInt64, modified: Date) {
            let attributes = try FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(path).path)
            let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
            return (inode, attributes[.modificationDate] as? Date ?? .distantPast)
        }

        /// Sets a file's modification time to long ago, so a rewrite would show.
        func age(_ path: String) throws {
            try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_000_000_000)],
                                                  ofItemAtPath: url.appendingPathComponent(path).path)
        }

        /// What is in the output folder besides the manifest of published sites.
        func entries() throws -> Set<String> {
            Set(try FileManager.default.contentsOfDirectory(atPath: url.path)).subtracting([Publisher.manifestName])
        }
    }

    private static func files(_ pairs: [String: String]) -> [OutputFile] {
        pairs.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, text: $0.value) }
    }

    // MARK: - Publishing

    @Test("a first publish writes every file")
    func firstPublish() throws {
        let output = try Output()
        let site = ["index.html": "home", "c/api/index.html": "api", "_theme/portico.css": "body{}"]
        let report = try output.publisher.publish("globex", files: Self.files(site))
        #expect(output.contents("globex") == site)
        #expect(report.written == 3)
        #expect(report.unchanged == 0)
        #expect(report.removed == 0)
    }

    @Test("a site is replaced whole: new files in, changed files updated, removed files gone")
    func replacedWhole() throws {
        let output = try Output()
        _ = try output.publisher.publish("globex", files: Self.files([
            "index.html": "v1", "c/old/index.html": "old collection", "keep.html": "same",
        ]))
        let next = ["index.html": "v2", "c/new/index.html": "new collection", "keep.html": "same"]
        let report = try output.publisher.publish("globex", files: Self.files(next))
        #expect(output.contents("globex") == next)
        #expect(report.written == 2)
        #expect(report.unchanged == 1)
        #expect(report.removed == 1)
    }

    @Test("a file whose bytes did not change keeps its inode and modification time")
    func unchangedFilesLinked() throws {
        let output = try Output()
        _ = try output.publisher.publish("globex", files: Self.files(["same.html": "same", "changed.html": "v1"]))
        try output.age("globex/same.html")
        let before = try output.attributes("globex/same.html")
        let changedBefore = try output.attributes("globex/changed.html")
        _ = try output.publisher.publish("globex", files: Self.files(["same.html": "same", "changed.html": "v2"]))
        let after = try output.attributes("globex/same.html")
        #expect(after.inode == before.inode)
        #expect(after.modified == before.modified)
        #expect(try output.attributes("globex/changed.html").inode != changedBefore.inode)
        #expect(output.contents("globex")["changed.html"] == "v2")
    }

    @Test("a site with no change is not touched at all: same folder, same files")
    func noChangeNoTouch() throws {
        let output = try Output()
        let site = Self.files(["index.html": "home", "c/api/x.html": "x"])
        _ = try output.publisher.publish("globex", files: site)
        let folder = try output.attributes("globex")
        let file = try output.attributes("globex/c/api/x.html")
        let report = try output.publisher.publish("globex", files: site)
        #expect(report.written == 0)
        #expect(report.removed == 0)
        #expect(report.unchanged == 2)
        // A swap would have put a different folder (the staging one) in place.
        #expect(try output.attributes("globex").inode == folder.inode)
        #expect(try output.attributes("globex/c/api/x.html").inode == file.inode)
    }

    @Test("one-character names publish like any other")
    func oneCharacterNames() throws {
        let output = try Output()
        let site = ["a": "1", "b/c": "2", "d/e/f": "3"]
        _ = try output.publisher.publish("x", files: Self.files(site))
        #expect(output.contents("x") == site)
    }

    @Test("removing a file alone is a change: the site is swapped and the file is gone")
    func removalAlone() throws {
        let output = try Output()
        _ = try output.publisher.publish("globex", files: Self.files(["a.html": "a", "b.html": "b"]))
        let report = try output.publisher.publish("globex", files: Self.files(["a.html": "a"]))
        #expect(report.removed == 1)
        #expect(output.contents("globex") == ["a.html": "a"])
    }

    @Test("publishing leaves no staging folder behind and touches no other site")
    func noLeftovers() throws {
        let output = try Output()
        _ = try output.publisher.publish("globex", files: Self.files(["index.html": "g"]))
        _ = try output.publisher.publish("initech", files: Self.files(["index.html": "i1"]))
        _ = try output.publisher.publish("initech", files: Self.files(["index.html": "i2"]))
        #expect(try output.entries() == ["globex", "initech"])
        #expect(output.contents("globex") == ["index.html": "g"])
        #expect(output.contents("initech") == ["index.html": "i2"])
    }

    @Test("a killed watch's staging folder is removed by the next publish; a live one's is kept")
    func abandonedStagingIsRemoved() throws {
        let output = try Output()
        let dead = ".portico-staging-globex-2147483646"   // above any pid_max: no such process
        let alive = ".portico-staging-globex-1"           // init: always running
        for name in [dead, alive] {
            try FileManager.default.createDirectory(at: output.url.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        _ = try output.publisher.publish("globex", files: Self.files(["index.html": "g"]))
        try output.publisher.finish(current: ["globex"], removeStale: true)
        #expect(try output.entries() == ["globex", alive])
    }

    @Test("a failed publish leaves the previous site exactly as it was")
    func failureKeepsOldSite() throws {
        let output = try Output()
        _ = try output.publisher.publish("globex", files: Self.files(["index.html": "v1"]))
        // A file and a folder of the same name cannot both be written.
        let broken = Self.files(["index.html": "v2", "a": "file", "a/b.html": "inside"])
        #expect(throws: (any Error).self) { try output.publisher.publish("globex", files: broken) }
        #expect(output.contents("globex") == ["index.html": "v1"])
        #expect(try output.entries() == ["globex"])
    }

    // MARK: - Atomic swap

    @Test("installing over an existing folder swaps them: the old contents end up at the staged path")
    func atomicSwap() throws {
        let output = try Output()
        let fm = FileManager.default
        let target = output.url.appendingPathComponent("target")
        let staged = output.url.appendingPathComponent("staged")
        try fm.createDirectory(at: target, withIntermediateDirectories: true)
        try fm.createDirectory(at: staged, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: target.appendingPathComponent("f"))
        try Data("new".utf8).write(to: staged.appendingPathComponent("f"))
        #expect(try AtomicSwap.install(staged, at: target))
        #expect(try String(contentsOf: target.appendingPathComponent("f"), encoding: .utf8) == "new")
        #expect(try String(contentsOf: staged.appendingPathComponent("f"), encoding: .utf8) == "old")
    }

    @Test("installing where nothing was is a plain move")
    func atomicMove() throws {
        let output = try Output()
        let target = output.url.appendingPathComponent("target")
        let staged = output.url.appendingPathComponent("staged")
        try FileManager.default.createDirectory(at: staged, withIntermediateDirectories: true)
        try Data("new".utf8).write(to: staged.appendingPathComponent("f"))
        #expect(try !AtomicSwap.install(staged, at: target))
        #expect(!FileManager.default.fileExists(atPath: staged.path))
        #expect(try String(contentsOf: target.appendingPathComponent("f"), encoding: .utf8) == "new")
    }

    // MARK: - Validation

    @Test("safe relative paths pass validation", arguments: [
        "index.html", "c/payments-api/create-a-charge.html", "c/注文/一覧.html", "docs/guides/setup.html",
        "_theme/portico.css", "downloads/payments-api.postman_collection.json", ".well-known/security.txt",
    ])
    func safePaths(_ path: String) {
        #expect(Publisher.validate([(folder: "globex", files: [OutputFile(path: path, text: "x")])]).isEmpty)
    }

    @Test("unsafe file paths are refused before anything is written", arguments: [
        "", "/etc/passwd", "../outside.html", "c/../../outside.html", "c/./x.html", "c//x.html", "c/x.html/",
        "a\u{0}b.html", "a\u{1}b.html", "new\nline.html", "del\u{7F}.html", "tab\t.html",
        "back\\slash.html", "c:x.html", "what?.html", "star*.html", "pipe|.html", "quote\".html", "<tag>.html",
        "ends-with-dot.", "ends-with-space ", String(repeating: "a", count: 256),
    ])
    func unsafePaths(_ path: String) {
        let problems = Publisher.validate([(folder: "globex", files: [OutputFile(path: path, text: "x")])])
        #expect(problems.count == 1, "\(path.debugDescription) was accepted")
        #expect(problems.allSatisfy { $0.severity == .error })
    }

    @Test("unsafe site folders are refused", arguments: ["", "..", ".", "a/b", "/abs", "bad\u{1}", "x:y"])
    func unsafeFolders(_ folder: String) {
        let problems = Publisher.validate([(folder: folder, files: [OutputFile(path: "index.html", text: "x")])])
        #expect(!problems.isEmpty, "\(folder.debugDescription) was accepted")
    }

    @Test("two files whose names differ only by case or Unicode normalisation are refused", arguments: [
        ("Index.html", "index.html"),
        ("c/API/x.html", "c/api/x.html"),
        ("c/caf\u{E9}.html", "c/cafe\u{301}.html"),
        ("docs/CAF\u{C9}.html", "docs/caf\u{E9}.html"),
    ])
    func caseCollisions(_ a: String, _ b: String) {
        let problems = Publisher.validate([(folder: "globex", files: [
            OutputFile(path: a, text: "1"), OutputFile(path: b, text: "2"),
        ])])
        #expect(problems.count == 1)
    }

    @Test("a path used both as a file and as a folder is refused before anything is written", arguments: [
        ("a", "a/b.html"),
        ("c/api", "c/api/index.html"),
        ("C/API", "c/api/index.html"),
    ])
    func fileAndFolder(_ file: String, _ inside: String) {
        let problems = Publisher.validate([(folder: "globex", files: [
            OutputFile(path: file, text: "1"), OutputFile(path: inside, text: "2"),
        ])])
        #expect(!problems.isEmpty)
    }

    @Test("the same path in two different sites is fine")
    func sameNameDifferentSites() {
        let index = [OutputFile(path: "index.html", text: "x")]
        #expect(Publisher.validate([(folder: "globex", files: index), (folder: "initech", files: index)]).isEmpty)
    }

    @Test("every bad path of every site is reported together")
    func allProblemsTogether() {
        let problems = Publisher.validate([
            (folder: "globex", files: [OutputFile(path: "../a", text: ""), OutputFile(path: "/b", text: "")]),
            (folder: "initech", files: [OutputFile(path: "c//d", text: "")]),
        ])
        #expect(problems.count == 3)
    }

    // MARK: - Stale sites

    @Test("finish removes a site Portico published before but not this time, and nothing it did not publish")
    func removeStale() throws {
        let output = try Output()
        let fm = FileManager.default
        for site in ["globex", "initech"] {
            _ = try output.publisher.publish(site, files: Self.files(["index.html": site]))
        }
        try output.publisher.finish(current: ["globex", "initech"], removeStale: true)
        // Things in the output folder Portico never published.
        try fm.createDirectory(at: output.url.appendingPathComponent("handmade"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: output.url.appendingPathComponent("notes.txt"))

        _ = try output.publisher.publish("globex", files: Self.files(["index.html": "globex"]))
        try output.publisher.finish(current: ["globex"], removeStale: true)
        #expect(try output.entries() == ["globex", "handmade", "notes.txt"])
    }

    @Test("without removeStale, an earlier site stays and is still remembered for a later clean-up")
    func keepStale() throws {
        let output = try Output()
        for site in ["globex", "initech"] {
            _ = try output.publisher.publish(site, files: Self.files(["index.html": site]))
        }
        try output.publisher.finish(current: ["globex", "initech"], removeStale: true)
        try output.publisher.finish(current: ["globex"], removeStale: false)
        #expect(try output.entries().contains("initech"))
        try output.publisher.finish(current: ["globex"], removeStale: true)
        #expect(try !output.entries().contains("initech"))
    }

    @Test("a tampered manifest cannot make finish delete outside the output folder", arguments: [
        "..", "../victim", "/tmp", "a/../../victim", ".",
    ])
    func tamperedManifest(_ entry: String) throws {
        let output = try Output()
        let fm = FileManager.default
        let victim = output.parent.appendingPathComponent("victim")
        try fm.createDirectory(at: victim, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: victim.appendingPathComponent("file"))
        _ = try output.publisher.publish("globex", files: Self.files(["index.html": "g"]))
        try Data("globex\n\(entry)\n".utf8).write(to: output.url.appendingPathComponent(Publisher.manifestName))
        try output.publisher.finish(current: ["globex"], removeStale: true)
        #expect(fm.fileExists(atPath: victim.appendingPathComponent("file").path))
        #expect(fm.fileExists(atPath: output.url.appendingPathComponent("globex/index.html").path))
    }
}
