import PorticoModel

/// String scanning: escapes, surrogate pairs and strict UTF-8 validation.
extension JSONScanner {
    /// Scans a string starting at its opening quote and returns its decoded text.
    mutating func scanString() throws(Diagnostic) -> String {
        let openingQuote = index
        let startColumn = column
        index += 1
        let start = index
        // Fast path: most strings have no escapes, so decode the bytes in one go.
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
                index += 1
                return text
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            if byte >= 0x80 { index += try validateUTF8Sequence() } else { index += 1 }
        }
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                try scanEscape(into: &buffer)
            case 0x0A, 0x0D:
                throw unterminated(openingQuote, startColumn, "is not closed before the end of the line (a line break inside a string must be written \\n)")
            case 0..<0x20:
                throw error("control character U+\(hex(UInt32(byte), digits: 4)) must be escaped inside a string")
            case 0x80...:
                let length = try validateUTF8Sequence()
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<(index + length)]))
                index += length
            default:
                buffer.append(byte)
                index += 1
            }
        }
        throw unterminated(openingQuote, startColumn, "is not closed before the end of the file")
    }

    private func unterminated(_ quote: Int, _ column: Int, _ problem: String) -> Diagnostic {
        Diagnostic.error("string starting here \(problem)", at: SourceLocation(path: path, line: line, column: column))
    }

    /// Decodes one backslash escape at `index` and appends its UTF-8 bytes.
    private mutating func scanEscape(into buffer: inout [UInt8]) throws(Diagnostic) {
        guard index + 1 < bytes.count else { throw error("unexpected end of file inside a string escape") }
        let escaped = bytes[index + 1]
        let simple: UInt8? = switch escaped {
        case UInt8(ascii: "\""): UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): UInt8(ascii: "\\")
        case UInt8(ascii: "/"): UInt8(ascii: "/")
        case UInt8(ascii: "b"): 0x08
        case UInt8(ascii: "f"): 0x0C
        case UInt8(ascii: "n"): 0x0A
        case UInt8(ascii: "r"): 0x0D
        case UInt8(ascii: "t"): 0x09
        default: nil
        }
        if let simple {
            buffer.append(simple)
            index += 2
            return
        }
        guard escaped == UInt8(ascii: "u") else {
            let shown = escaped >= 0x21 && escaped < 0x7F ? "\\\(Character(Unicode.Scalar(escaped)))" : "a backslash"
            throw error("invalid escape \(shown) in string; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
        }
        var scalar = try hexQuad(at: index + 2)
        index += 6
        if (0xD800...0xDBFF).contains(scalar) {
            // A high surrogate needs a following \uDC00–\uDFFF; a lone one becomes U+FFFD.
            if index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u"),
               let low = try? hexQuad(at: index + 2), (0xDC00...0xDFFF).contains(low) {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                index += 6
            } else {
                scalar = 0xFFFD
            }
        } else if (0xDC00...0xDFFF).contains(scalar) {
            scalar = 0xFFFD
        }
        buffer.append(contentsOf: String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8)
    }

    /// The value of the four hex digits at `position` (after `\u`).
    private func hexQuad(at position: Int) throws(Diagnostic) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 {
            guard position + offset < bytes.count else {
                throw error("unexpected end of file inside a \\u escape", at: position + offset)
            }
            let byte = bytes[position + offset]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("a \\u escape needs four hexadecimal digits", at: position - 2)
            }
            value = value << 4 | UInt32(digit)
        }
        return value
    }

    /// Checks the multi-byte UTF-8 sequence at `index` (RFC 3629: no overlong forms,
    /// no surrogates, nothing above U+10FFFF), counts its continuation bytes for the
    /// column, and returns its length.
    mutating func validateUTF8Sequence() throws(Diagnostic) -> Int {
        let lead = bytes[index]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xE1...0xEF: length = 3
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: throw invalidUTF8(at: index)
        }
        for offset in 1..<length {
            let range = offset == 1 ? secondRange : 0x80...0xBF
            guard index + offset < bytes.count, range.contains(bytes[index + offset]) else {
                throw invalidUTF8(at: index)
            }
        }
        continuationBytesOnLine += length - 1
        return length
    }

    private func invalidUTF8(at position: Int) -> Diagnostic {
        error("invalid UTF-8 (byte 0x\(hex(UInt32(bytes[position]), digits: 2))); the file must be saved as UTF-8", at: position)
    }
}
