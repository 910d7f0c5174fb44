import Foundation
import Testing
@testable import PorticoRender

/// Markdown rendering: GitHub-flavoured syntax in, sanitised HTML out.
@Suite("Markdown rendering")
struct MarkupTests {
    @Test("renders bold and italic")
    func emphasis() {
        let output = MarkdownRenderer.html("**Bold stays bold** and _italic stays italic_ and *star*")
        #expect(output == "<p><strong>Bold stays bold</strong> and <em>italic stays italic</em> and <em>star</em></p>\n")
    }

    @Test("renders headings, lists, quotes and rules")
    func blocks() {
        let output = MarkdownRenderer.html("# One\n\n## Two\n\n> quoted\n\n---\n\n3. three\n4. four\n\n- a\n  - nested\n")
        #expect(output.contains("<h1>One</h1>"))
        #expect(output.contains("<h2>Two</h2>"))
        #expect(output.contains("<blockquote>\n<p>quoted</p>\n</blockquote>"))
        #expect(output.contains("<hr>"))
        #expect(output.contains("<ol start=\"3\">\n<li>three</li>\n<li>four</li>\n</ol>"))
        #expect(output.contains("<ul>\n<li>a\n<ul>\n<li>nested</li>"))
    }

    @Test("renders a GitHub table with alignment")
    func table() {
        let output = MarkdownRenderer.html("| Limit | Value |\n|:---|---:|\n| requests/min | 600 |\n")
        #expect(output.contains("<table>"))
        #expect(output.contains("<th align=\"left\">Limit</th>"))
        #expect(output.contains("<td align=\"right\">600</td>"))
        #expect(!output.contains("|"))
    }

    @Test("renders strikethrough, autolinks and task lists")
    func gfmExtensions() {
        let output = MarkdownRenderer.html("~~gone~~ see www.example.test or https://example.test/x\n\n- [ ] todo\n- [x] done\n")
        #expect(output.contains("<del>gone</del>"))
        #expect(output.contains("<a href=\"http://www.example.test\" rel=\"noopener noreferrer\">www.example.test</a>"))
        #expect(output.contains("<a href=\"https://example.test/x\" rel=\"noopener noreferrer\">https://example.test/x</a>"))
        #expect(output.contains("<li><input type=\"checkbox\" disabled=\"\"> todo</li>"))
        #expect(output.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\"> done</li>"))
    }

    @Test("shows a script tag inside a fenced code block as escaped text (B06)")
    func fencedCodeShowsScript() {
        let output = MarkdownRenderer.html("```html\n<script src=\"https://cdn.example.test/widget.js\"></script>\n```\n")
        #expect(output == """
            <pre><code class="language-html">&lt;script src="https://cdn.example.test/widget.js"&gt;&lt;/script&gt;
            </code></pre>

            """)
        #expect(MarkupInspection.tags(in: output).map(\.name) == ["pre", "code", "code", "pre"])
    }

    @Test("escapes HTML in inline code")
    func inlineCode() {
        #expect(MarkdownRenderer.html("Use `<b>x</b> & y`.") == "<p>Use <code>&lt;b&gt;x&lt;/b&gt; &amp; y</code>.</p>\n")
    }

    @Test("drops a hostile fence language instead of writing it into the class")
    func hostileFenceLanguage() {
        let output = MarkdownRenderer.html("```\"><script>alert(1)</script>\nx\n```\n")
        #expect(output == "<pre><code>x\n</code></pre>\n")
    }

    @Test("renders links with titles and images over https and relative paths")
    func linksAndImages() {
        let output = MarkdownRenderer.html(
            "[Harmless link](https://docs.example.test/widgets \"Docs\") [local](../guide.md#setup)\n\n"
                + "![Logo](https://cdn.example.test/logo.png \"Our logo\") ![Diagram](images/flow.svg)"
        )
        #expect(output.contains("<a href=\"https://docs.example.test/widgets\" title=\"Docs\" rel=\"noopener noreferrer\">Harmless link</a>"))
        #expect(output.contains("<a href=\"../guide.md#setup\">local</a>"))
        #expect(output.contains("<img src=\"https://cdn.example.test/logo.png\" alt=\"Logo\" title=\"Our logo\">"))
        #expect(output.contains("<img src=\"images/flow.svg\" alt=\"Diagram\">"))
    }

    @Test("removes dangerous Markdown link and image targets", arguments: [
        "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "[x](<java script:alert(1)>)",
        "[x](&#106;avascript:alert(1))", "<javascript:alert(1)>", "[x][r]\n\n[r]: javascript:alert(1)",
        "![x](data:image/svg+xml;base64,PHN2Zz4=)", "[x](vbscript:msgbox)", "[x](data:text/html,hi)",
    ])
    func dangerousMarkdownLinks(_ markdown: String) {
        let output = MarkdownRenderer.html(markdown)
        #expect(MarkupInspection.unsafeFindings(in: output) == [], "\(output)")
        let urls = MarkupInspection.tags(in: output).compactMap { $0.attribute("href") ?? $0.attribute("src") }
        #expect(urls == [], "\(output)")
    }

    @Test("turns a two-space line end into <br> (B08)")
    func hardBreak() {
        let output = MarkdownRenderer.html("Line with two trailing spaces  \nnext line after a hard break.\n")
        #expect(output == "<p>Line with two trailing spaces<br>\nnext line after a hard break.</p>\n")
        #expect(MarkdownRenderer.html("backslash\\\nbreak").contains("backslash<br>\nbreak"))
    }

    @Test("renders tables written with CRLF or CR line endings (B08)", arguments: ["\r\n", "\r", "\n"])
    func crlfTable(newline: String) {
        let markdown = [
            "## Output fields", "", "|参数名称|参数说明|", "|--------|--------|",
            "|infoid|资讯id，用于获取资讯详情 MARK-B08-CELL1|", "|title|资讯标题|", "|status|资讯状态，2：已发布|", "",
            "1. Call search", "2. Call details", "", "```json", "{\"infoid\": 1}", "```", "",
        ].joined(separator: newline)
        let output = MarkdownRenderer.html(markdown)
        #expect(output.contains("<h2>Output fields</h2>"))
        #expect(output.contains("<th>参数名称</th>\n<th>参数说明</th>"))
        #expect(output.contains("<td>资讯id，用于获取资讯详情 MARK-B08-CELL1</td>"))
        #expect(output.components(separatedBy: "<tr>").count - 1 == 4)
        #expect(output.contains("<ol>\n<li>Call search</li>\n<li>Call details</li>\n</ol>"))
        #expect(output.contains("<pre><code class=\"language-json\">{\"infoid\": 1}\n</code></pre>"))
        #expect(!output.contains("\r") && !output.contains("&#13;") && !output.contains("---"))
    }

    @Test("never lets a carriage return, NUL or control character through")
    func noControlCharacters() {
        let output = MarkdownRenderer.html("a\r\nb\u{0}c\u{07}\r\r\n`x\r\ny`\r\n\r\n    code\r\n&#13;&#0;")
        #expect(MarkupInspection.unsafeFindings(in: output) == [], "\(output.debugDescription)")
        #expect(!output.unicodeScalars.contains("\r"))
    }

    @Test("keeps safe inline HTML such as details, kbd and sup")
    func safeInlineHTML() {
        let output = MarkdownRenderer.html("Press <kbd>Ctrl</kbd> x<sup>2</sup>\n\n<details><summary>Expandable</summary>Details text</details>\n")
        #expect(output.contains("<kbd>Ctrl</kbd>"))
        #expect(output.contains("x<sup>2</sup>"))
        #expect(output.contains("<details><summary>Expandable</summary>Details text</details>"))
    }

    @Test("renders empty and whitespace-only input as nothing")
    func emptyInput() {
        #expect(MarkdownRenderer.html("") == "")
        #expect(MarkdownRenderer.html(" \n\r\n\t") == "")
    }

    @Test("renders the same output on every thread at once")
    func concurrentRenderingIsDeterministic() async {
        // cmark-gfm toggles a process-wide table during each parse; without the lock
        // parallel renders lose strikethrough and autolinks now and then.
        let markdown = (0..<20).map { "~~old~~ **new** www.example\($0).test\n\n| a |\n|---|\n| \($0) |\n" }
            .joined(separator: "\n")
        let expected = MarkdownRenderer.html(markdown)
        #expect(expected.contains("<del>old</del>") && expected.contains("<table>"))
        let results = await withTaskGroup(of: String.self) { group in
            for _ in 0..<64 {
                group.addTask { MarkdownRenderer.html(markdown) }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(results.allSatisfy { $0 == expected })
    }

    @Test("renders thousands of descriptions quickly")
    func performance() {
        let markdown = "# Title\n\nSome **bold** and _em_ with a [link](https://x.test) and `code`.\n\n"
            + "| a | b |\n|---|---|\n| 1 | 2 |\n\n```json\n{\"a\": 1}\n```\n\n- one\n- two\n"
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for _ in 0..<2_000 { _ = MarkdownRenderer.html(markdown) }
        }
        // About 0.3 s in a debug build on one core; the bound only catches a
        // per-call re-initialisation or a quadratic walk, not jitter.
        #expect(elapsed < .seconds(10))
    }

    @Test("survives pathological nesting")
    func pathologicalNesting() {
        let quotes = MarkdownRenderer.html(String(repeating: "> ", count: 10_000) + "deep")
        let lists = MarkdownRenderer.html(String(repeating: "- ", count: 5_000) + "deep")
        let emphasis = MarkdownRenderer.html(String(repeating: "*a ", count: 20_000))
        for output in [quotes, lists, emphasis] {
            #expect(MarkupInspection.unsafeFindings(in: output) == [])
        }
    }
}
