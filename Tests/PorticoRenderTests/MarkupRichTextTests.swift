import PorticoModel
import Testing
@testable import PorticoRender

/// `RichTextRenderer` per format, and the escaping and clean-up helpers under it.
@Suite("Markup rich text and escaping")
struct MarkupRichTextTests {
    @Test("plain text is shown literally, never interpreted (B09)")
    func plainTextIsLiteral() {
        let text = RichText(
            "This folder note is text/plain: *not emphasis*, <b>not bold</b>, # not a heading. MARK-B09-FOLDER",
            format: .plain
        )
        #expect(RichTextRenderer.html(text) == "<p>This folder note is text/plain: *not emphasis*, &lt;b&gt;not bold&lt;/b&gt;, # not a heading. MARK-B09-FOLDER</p>")
    }

    @Test("plain text keeps its line breaks and paragraphs")
    func plainTextLines() {
        let text = RichText("# not a heading\r\n- not a list\r\n\r\n\r\n  second <p>aragraph\rlast line\n\n", format: .plain)
        #expect(RichTextRenderer.html(text) == "<p># not a heading<br>\n- not a list</p>\n<p>  second &lt;p&gt;aragraph<br>\nlast line</p>")
    }

    @Test("whitespace-only plain text renders as nothing", arguments: ["", " ", "\n\r\n\t "])
    func blankPlainText(_ text: String) {
        #expect(RichTextRenderer.html(RichText(text, format: .plain)) == "")
    }

    @Test("Markdown rich text goes through the Markdown renderer")
    func markdownFormat() {
        let text = RichText("# Welcome\n\nAn **object**. MARK-B09-COLL", format: .markdown)
        #expect(RichTextRenderer.html(text) == "<h1>Welcome</h1>\n<p>An <strong>object</strong>. MARK-B09-COLL</p>\n")
        #expect(RichTextRenderer.html(RichText("_Italic_")) == "<p><em>Italic</em></p>\n")
    }

    @Test("HTML rich text is sanitised, not escaped")
    func htmlFormat() {
        let text = RichText("<h1 onclick=x>Title</h1><script>alert(1)</script><p>Body</p>", format: .html)
        #expect(RichTextRenderer.html(text) == "<h1>Title</h1><p>Body</p>")
    }

    @Test("escapes text content", arguments: [
        ("a & b < c > d \"q\" 'a'", "a &amp; b &lt; c &gt; d \"q\" 'a'"),
        ("&amp; stays visible", "&amp;amp; stays visible"),
        ("参数 ünïcødé 😀", "参数 ünïcødé 😀"),
        ("", ""),
    ])
    func escapeText(input: String, expected: String) {
        #expect(HTMLEscape.text(input) == expected)
    }

    @Test("escapes attribute values, both quote styles included")
    func escapeAttribute() {
        #expect(HTMLEscape.attribute("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
    }

    @Test("escaping turns CR into LF and drops other control characters")
    func escapeControls() {
        #expect(HTMLEscape.text("a\r\nb\rc\nd\te\u{0}f\u{07}g\u{1B}h\u{7F}i") == "a\nb\nc\nd\te" + "fghi")
        #expect(HTMLEscape.attribute("x\u{0C}y\r\n") == "xy\n")
    }

    @Test("line endings are unified and NUL removed before parsing", arguments: [
        ("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("a\r\r\nb", "a\n\nb"), ("a\r\u{0}\nb", "a\nb"),
        ("a\u{0}b", "ab"), ("no change\n", "no change\n"), ("\r\n\r\n", "\n\n"),
    ])
    func lineEndings(input: String, expected: String) {
        #expect(LineEndings.normalize(input) == expected)
    }

    @Test("URL policy classifies safe URLs", arguments: [
        ("https://a.test", URLPolicy.Kind.web), (" HTTPS://a.test ", .web), ("//a.test", .web),
        ("mailto:x@a.test", .mail), ("/a", .relative), ("a/b:c", .relative), ("#f", .relative),
        ("?q=a:b", .relative), ("", .relative),
    ])
    func urlPolicyAllows(url: String, kind: URLPolicy.Kind) {
        #expect(URLPolicy.check(url)?.kind == kind)
    }

    @Test("URL policy refuses everything else", arguments: [
        "javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:x", "java\u{0}script:x",
        "\u{200B}javascript:x", "java\u{00AD}script:x", "vbscript:x", "data:text/html,x",
        "javascript&colon;x", "file:///etc/passwd", "ftp://a.test", "x:y", "\u{3000}javascript:x",
    ])
    func urlPolicyRefuses(_ url: String) {
        #expect(URLPolicy.check(url) == nil)
    }
}
