import Testing

/// The bash judge itself fails the snippets it exists to catch.
@Suite("cURL sample bash judge")
struct CurlSampleJudgeTests {
    @Test("catches syntax errors, expansion, history expansion and exact argv", arguments: [
        "curl 'unterminated",
        "curl \"$HOME\"",
        "curl `whoami`",
        "curl \"wow!x\"",
    ])
    func catches(_ bad: String) {
        withKnownIssue { _ = CurlBashJudge.args(bad) }
    }

    @Test("records exact arguments, with CR, NUL-free bytes and emoji")
    func exact() {
        #expect(CurlBashJudge.args("curl $'a\\r\\n' '' 'it'\\''s' '🎹'") == ["a\r\n", "", "it's", "🎹"])
    }
}
