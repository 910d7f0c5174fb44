import Foundation
import PorticoModel

/// Splits a Markdown file into its YAML front matter and its body.
///
/// Front matter is the block between a first line `---` and the next `---` line.
/// The YAML handed back keeps the file's line numbers (the opening `---` becomes
/// an empty line), so a front-matter error points at the right line of the `.md`.
enum FrontMatterReader {
    /// The two parts of a page.
    struct Split {
        /// The front matter as YAML laid out on the file's lines; nil when the page has none.
        var yaml: Data?
        /// Everything after the closing `---` line (or the whole text without front matter).
        var body: String
        /// The file's line (1-based) on which the body begins.
        var bodyLine = 1
    }

    /// - Throws: `Diagnostic` for text that is not UTF-8 or front matter never closed.
    static func split(_ data: Data, path: String) throws -> Split {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let lines = lineRanges(bytes)
        guard let first = lines.first, isFence(bytes[first.content]) else {
            // Blank lines above a `---` block would make it body text, and a
            // `visibility: internal` in it would be published as words: refuse to guess.
            if let fence = lines.firstIndex(where: { !isBlank(bytes[$0.content]) }), fence > 0,
               isFence(bytes[lines[fence].content]) {
                throw Diagnostic.error("front matter must start on the first line: remove the blank lines above this `---`",
                                       at: SourceLocation(path: path, line: fence + 1, column: 1))
            }
            return Split(yaml: nil, body: try text(bytes[...], path: path))
        }
        guard let closing = lines.dropFirst().firstIndex(where: { isFence(bytes[$0.content]) }) else {
            throw Diagnostic.error("the front matter opened by `---` on line 1 is never closed with a `---` line",
                                   at: SourceLocation(path: path, line: 1, column: 1))
        }
        let yamlStart = lines[1].whole.lowerBound
        let yamlEnd = lines[closing].whole.lowerBound
        var yaml = [UInt8(ascii: "\n")]
        yaml.append(contentsOf: bytes[yamlStart..<yamlEnd])
        let body = bytes[lines[closing].whole.upperBound...]
        return Split(yaml: Data(yaml), body: try text(body, path: path), bodyLine: closing + 2)
    }

    /// Each line's range with and without its line break (`\n` or `\r\n`).
    private static func lineRanges(_ bytes: [UInt8]) -> [(whole: Range<Int>, content: Range<Int>)] {
        var result: [(whole: Range<Int>, content: Range<Int>)] = []
        var start = 0
        while start < bytes.count {
            let newline = bytes[start...].firstIndex(of: UInt8(ascii: "\n"))
            let end = newline.map { $0 + 1 } ?? bytes.count
            var contentEnd = newline ?? bytes.count
            if contentEnd > start, bytes[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            result.append((start..<end, start..<contentEnd))
            start = end
        }
        return result
    }

    private static func isBlank(_ line: ArraySlice<UInt8>) -> Bool {
        line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    /// `---`, allowing trailing spaces an editor may leave behind.
    private static func isFence(_ line: ArraySlice<UInt8>) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { trimmed.removeLast() }
        return trimmed.elementsEqual("---".utf8)
    }

    private static func text(_ bytes: ArraySlice<UInt8>, path: String) throws -> String {
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw Diagnostic.error("the file is not valid UTF-8 text", at: SourceLocation(path: path))
        }
        return text
    }
}
