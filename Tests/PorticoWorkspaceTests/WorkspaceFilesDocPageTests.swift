import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

@Suite("Workspace files: docs/*.md")
struct WorkspaceFilesDocPageTests {
    private func read(_ text: String, slug: String = "guides/getting-started") throws -> DocPage {
        try DocPageReader.read(Data(yaml: text), path: "docs/\(slug).md", slug: slug)
    }

    private func problems(_ text: String) -> [Diagnostic] {
        thrownDiagnostics { _ = try read(text) }
    }

    @Test("front matter sets title, order, visibility and partners; the body follows it")
    func frontMatter() throws {
        let page = try read("---\ntitle: Getting started\norder: 2\nvisibility: internal\npartners: [globex, initech]\n---\n# Welcome\nHello.\n")
        #expect(page.title == "Getting started")
        #expect(page.order == 2)
        #expect(page.isInternal)
        #expect(page.partners?.map(\.value) == ["globex", "initech"])
        #expect(page.partners?.first?.location == SourceLocation(path: "docs/guides/getting-started.md", line: 5, column: 12))
        #expect(page.body == "# Welcome\nHello.\n")
        #expect(page.slug == "guides/getting-started")
    }

    @Test("CRLF line endings and a byte-order mark are tolerated")
    func crlfAndBOM() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(yaml: "---\r\ntitle: Windows\r\norder: 1.5\r\n---\r\nBody line\r\n"))
        let page = try DocPageReader.read(data, path: "docs/win.md", slug: "win")
        #expect(page.title == "Windows")
        #expect(page.order == 1.5)
        #expect(page.body == "Body line\r\n")
    }

    @Test("a page without front matter is all body")
    func noFrontMatter() throws {
        let page = try read("Intro text\n---\nnot front matter: here\n")
        #expect(page.body == "Intro text\n---\nnot front matter: here\n")
        #expect(page.partners == nil && !page.isInternal && page.order == nil)
    }

    @Test("the title falls back to the first heading, then to the file name", arguments: [
        ("---\ntitle: From front matter\n---\n# From heading\n", "From front matter"),
        ("---\norder: 1\n---\n# From heading\n", "From heading"),
        ("# Closed heading ##\n", "Closed heading"),
        ("Some text\n\n## Second level first\n# Later\n", "Second level first"),
        ("   # Indented three\n", "Indented three"),
        ("    # Indented four is code\n", "getting-started"),
        ("```bash\n# install\n```\n# Real title\n", "Real title"),
        ("~~~~\n# not this\n~~~\n# nor this\n~~~~\n", "getting-started"),
        ("#NoSpace\n", "getting-started"),
        ("C# is a language ##\n", "getting-started"),
        ("# Issue #42\n", "Issue #42"),
        ("---\ntitle: \"\"\n---\nno heading\n", "getting-started"),
        ("", "getting-started"),
    ])
    func titleFallback(text: String, title: String) throws {
        #expect(try read(text).title == title)
    }

    @Test("a title fallback in CRLF text has no stray carriage return")
    func crlfHeading() throws {
        #expect(try read("# Title\r\nbody\r\n").title == "Title")
    }

    @Test("a front-matter error points at the line of the .md file")
    func unknownKeyLine() {
        let found = problems("---\ntitle: A\norder: 1\nvisibilty: internal\n---\n# A\n")
        #expect(found.count == 1)
        #expect(found.first?.description == "docs/guides/getting-started.md:4:1: error: unknown key `visibilty` in front matter; did you mean `visibility`?")
    }

    @Test("a front-matter syntax error points at the line of the .md file, CRLF or not", arguments: ["\n", "\r\n"])
    func syntaxErrorLine(newline: String) {
        let text = ["---", "title: A", "order: [1", "---", "body"].joined(separator: newline)
        let found = problems(text)
        #expect(found.count == 1)
        #expect(lineColumn(found.first) == "3:8")
    }

    @Test("visibility can only be internal")
    func visibilityInternalOnly() {
        let found = problems("---\nvisibility: partners\n---\n")
        #expect(found.count == 1)
        #expect(lineColumn(found.first) == "2:13")
        #expect(found.first?.message.contains("partners: [slug, …]") == true)
    }

    @Test("wrong types in front matter are errors at the value", arguments: [
        ("---\norder: first\n---\n", "2:8"), ("---\norder: \"1\"\n---\n", "2:8"),
        ("---\npartners: globex\n---\n", "2:11"), ("---\ntitle: [a]\n---\n", "2:8"),
        ("---\n- a\n---\n", "2:1"),
    ])
    func wrongTypes(text: String, at expected: String) {
        let found = problems(text)
        #expect(found.count == 1, "\(found)")
        #expect(lineColumn(found.first) == expected)
    }

    @Test("front matter that is never closed is an error at line 1")
    func unclosedFrontMatter() {
        let found = problems("---\ntitle: A\n# A\n")
        #expect(found.count == 1)
        #expect(lineColumn(found.first) == "1:1")
        #expect(found.first?.message.contains("never closed") == true)
    }

    @Test("empty front matter is allowed")
    func emptyFrontMatter() throws {
        let page = try read("---\n---\nBody\n")
        #expect(page.body == "Body\n")
        #expect(page.title == "getting-started")
    }
}
