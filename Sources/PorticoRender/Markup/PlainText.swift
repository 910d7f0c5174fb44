/// Rendering of `text/plain` descriptions: nothing is interpreted, the text is
/// escaped and shown with its paragraphs and line breaks.
enum PlainText {
    /// Blank lines separate `<p>` paragraphs; single line breaks become `<br>`.
    /// Whitespace-only text renders as the empty string.
    static func html(_ text: String) -> String {
        let lines = LineEndings.normalize(text).split(separator: "\n", omittingEmptySubsequences: false)
        var paragraphs: [[Substring]] = []
        var current: [Substring] = []
        for line in lines {
            if line.allSatisfy(\.isWhitespace) {
                if !current.isEmpty { paragraphs.append(current) }
                current = []
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { paragraphs.append(current) }

        return paragraphs.map { paragraph in
            "<p>" + paragraph.map { HTMLEscape.text(String($0)) }.joined(separator: "<br>\n") + "</p>"
        }.joined(separator: "\n")
    }
}
