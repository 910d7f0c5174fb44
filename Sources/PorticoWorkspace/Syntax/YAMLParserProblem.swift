import CYAML
import PorticoModel

/// Turns libyaml's error state into a `Diagnostic`: its problem text, the context
/// it was in ("while scanning a quoted scalar"), and the 1-based position.
enum YAMLParserProblem {
    static func diagnostic(for parser: yaml_parser_t, bytes: UnsafeBufferPointer<UInt8>, path: String) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "malformed YAML"
        if parser.error == YAML_MEMORY_ERROR {
            return Diagnostic.error("the YAML parser ran out of memory", at: SourceLocation(path: path))
        }
        if parser.error == YAML_READER_ERROR {
            // Reader errors (bad UTF-8, control characters) carry a byte offset, not a mark.
            let location = position(ofByte: parser.problem_offset, in: bytes, path: path)
            return Diagnostic.error(problem, at: location)
        }
        var location = YAMLParser.location(of: parser.problem_mark, path: path)
        var message = problem
        if let context = parser.context.map({ String(cString: $0) }) {
            let start = YAMLParser.location(of: parser.context_mark, path: path)
            message += " " + context
            if problem.contains("end of stream") || isAtEnd(parser.problem_mark, of: bytes) {
                // An unclosed quote or bracket runs to the end of the file; its start is where to look.
                location = start
                message += " that starts here and is never closed"
            } else if start != location {
                message += " that starts at line \(start.line ?? 1), column \(start.column ?? 1)"
            }
        }
        if !problem.contains("tab"), character(at: parser.problem_mark, in: bytes) == "\t" {
            message += " (a tab: YAML indentation must use spaces)"
        }
        return Diagnostic.error(message, at: location)
    }

    /// The Unicode scalar at a libyaml mark (0-based line, column in characters).
    private static func character(at mark: yaml_mark_t, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        let text = String(decoding: bytes, as: UTF8.self)
        var line = 0
        var column = 0
        for scalar in text.unicodeScalars {
            if line == Int(mark.line) && column == Int(mark.column) { return scalar }
            if scalar == "\n" {
                if line == Int(mark.line) { return nil }
                line += 1
                column = 0
            } else {
                column += 1
            }
        }
        return nil
    }

    /// Whether a mark is at (or past) the end of the input, where libyaml reports a
    /// quote or bracket that was never closed.
    private static func isAtEnd(_ mark: yaml_mark_t, of bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var line = 0
        var column = 0
        var previous: Unicode.Scalar?
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            // YAML line breaks: \n, \r\n (one break), or a lone \r.
            if scalar == "\n" && previous == "\r" {
                // already counted at the \r
            } else if scalar == "\n" || scalar == "\r" {
                line += 1
                column = 0
            } else {
                column += 1
            }
            previous = scalar
        }
        return (Int(mark.line), Int(mark.column)) >= (line, column)
    }

    /// The 1-based line and column of a byte offset.
    private static func position(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>, path: String) -> SourceLocation {
        var line = 1
        var column = 1
        for (index, byte) in bytes.enumerated() where index < offset {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                // Count characters, not continuation bytes.
                column += 1
            }
        }
        return SourceLocation(path: path, line: line, column: column)
    }
}
