import PorticoModel

/// The byte cursor under `JSONParser`: position, line and column bookkeeping,
/// whitespace, and diagnostics. Strings, numbers and literals are scanned in
/// extensions next to this file.
struct JSONScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    let path: String
    var index = 0
    var line = 1
    var lineStart = 0
    /// UTF-8 continuation bytes passed on the current line. Columns count Unicode
    /// scalars, as editors do, so each multi-byte character counts once.
    var continuationBytesOnLine = 0

    init(bytes: UnsafeBufferPointer<UInt8>, path: String) {
        self.bytes = bytes
        self.path = path
    }

    var column: Int { column(at: index) }

    /// The column of a byte on the current line; continuation bytes before it must
    /// already be counted, which holds because scanning moves forward.
    func column(at position: Int) -> Int {
        position - lineStart - continuationBytesOnLine + 1
    }

    mutating func skipByteOrderMark() {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            index = 3
            lineStart = 3
        }
    }

    mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                startLine()
            case UInt8(ascii: "\r"):
                // CRLF is one line break; a lone CR (old Mac files) is one too.
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
                startLine()
            default:
                return
            }
        }
    }

    private mutating func startLine() {
        line += 1
        lineStart = index
        continuationBytesOnLine = 0
    }

    func error(_ message: String) -> Diagnostic {
        error(message, at: index)
    }

    func error(_ message: String, at position: Int) -> Diagnostic {
        Diagnostic.error(message, at: SourceLocation(path: path, line: line, column: column(at: position)))
    }

    /// An "unexpected character" diagnostic that names the usual culprits.
    func unexpected(expecting expected: String) -> Diagnostic {
        guard index < bytes.count else { return error("unexpected end of file; expected \(expected)") }
        switch bytes[index] {
        case UInt8(ascii: "'"):
            return error("strings must use double quotes (\"), not single quotes")
        case UInt8(ascii: "/"):
            return error("comments are not allowed in JSON")
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
            return error("unexpected \(describeByte(at: index)); expected \(expected) (strings need double quotes; true, false and null are lower case)")
        default:
            return error("unexpected \(describeByte(at: index)); expected \(expected)")
        }
    }

    /// "character 'x'", or the byte value where the character is not printable ASCII.
    func describeByte(at position: Int) -> String {
        let byte = bytes[position]
        if byte >= 0x21 && byte < 0x7F { return "character '\(Character(Unicode.Scalar(byte)))'" }
        if byte < 0x80 { return "control character U+\(hex(UInt32(byte), digits: 4))" }
        return "non-ASCII byte 0x\(hex(UInt32(byte), digits: 2)) outside a string"
    }

    func hex(_ value: UInt32, digits: Int) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
