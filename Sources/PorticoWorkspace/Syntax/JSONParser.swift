import Foundation
import PorticoModel

/// A strict RFC 8259 JSON parser that keeps positions and member order.
///
/// Foundation's `JSONSerialization` loses both, and the workspace contract wants
/// `path:line:column: error: message`. The parser works on bytes (multi-megabyte
/// collections are common) and uses an explicit stack instead of recursion, so no
/// input can overflow the call stack; nesting is capped at `maximumDepth`.
public enum JSONParser {
    /// Deeper documents are rejected with a diagnostic rather than parsed.
    public static let maximumDepth = 512

    /// Parses a whole document. A leading UTF-8 byte-order mark is skipped.
    public static func parse(_ data: Data, path: String) throws(Diagnostic) -> JSONNode {
        // Data.withUnsafeBytes only rethrows untyped errors, so the result travels out as a value.
        let result: Result<JSONNode, Diagnostic> = data.withUnsafeBytes { raw in
            var scanner = JSONScanner(bytes: raw.bindMemory(to: UInt8.self), path: path)
            return scanner.parseDocument()
        }
        return try result.get()
    }

    /// Parses JSON text (tests and small inline documents).
    public static func parse(_ text: String, path: String) throws(Diagnostic) -> JSONNode {
        try parse(Data(text.utf8), path: path)
    }
}

/// An array or object being filled while the parser walks its elements.
private struct OpenContainer {
    var isObject: Bool
    var line: Int
    var column: Int
    var elements: [JSONNode] = []
    var members: [JSONNode.Member] = []
    /// Object keys seen so far, to reject duplicates (their meaning is ambiguous).
    var keys: [String: (line: Int, column: Int)] = [:]
    var pendingKey: (key: String, line: Int, column: Int)?

    func closed() -> JSONNode {
        JSONNode(isObject ? .object(members) : .array(elements), line: line, column: column)
    }
}

extension JSONScanner {
    mutating func parseDocument() -> Result<JSONNode, Diagnostic> {
        do throws(Diagnostic) {
            skipByteOrderMark()
            let root = try parseValue()
            skipWhitespace()
            if index < bytes.count {
                throw error("unexpected \(describeByte(at: index)) after the end of the JSON document")
            }
            return .success(root)
        } catch {
            return .failure(error)
        }
    }

    /// Parses one value, iteratively: containers live on `stack`, not on the call stack.
    private mutating func parseValue() throws(Diagnostic) -> JSONNode {
        var stack: [OpenContainer] = []
        parsing: while true {
            skipWhitespace()
            guard index < bytes.count else {
                throw error(stack.isEmpty ? "the file is empty; expected a JSON value" : "unexpected end of file; expected a value")
            }
            let line = self.line, column = self.column
            var completed: JSONNode
            switch bytes[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let isObject = bytes[index] == UInt8(ascii: "{")
                guard stack.count < JSONParser.maximumDepth else {
                    throw error("JSON is nested more than \(JSONParser.maximumDepth) levels deep")
                }
                index += 1
                skipWhitespace()
                let closer = UInt8(ascii: isObject ? "}" : "]")
                if index < bytes.count, bytes[index] == closer {
                    index += 1
                    completed = JSONNode(isObject ? .object([]) : .array([]), line: line, column: column)
                } else {
                    stack.append(OpenContainer(isObject: isObject, line: line, column: column))
                    if isObject { try readKey(into: &stack[stack.count - 1]) }
                    continue parsing
                }
            case UInt8(ascii: "\""):
                completed = JSONNode(.string(try scanString()), line: line, column: column)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                completed = JSONNode(.number(try scanNumber()), line: line, column: column)
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                completed = JSONNode(try scanLiteral(), line: line, column: column)
            default:
                throw unexpected(expecting: "a value")
            }
            // Hand the finished value to its container; close every container that ends here.
            while var top = stack.popLast() {
                if let pending = top.pendingKey {
                    top.members.append(JSONNode.Member(key: pending.key, keyLine: pending.line,
                                                       keyColumn: pending.column, value: completed))
                    top.pendingKey = nil
                } else {
                    top.elements.append(completed)
                }
                skipWhitespace()
                guard index < bytes.count else {
                    throw error("unexpected end of file; the \(top.isObject ? "object" : "array") opened at line \(top.line), column \(top.column) is not closed")
                }
                let byte = bytes[index]
                if byte == UInt8(ascii: ",") {
                    index += 1
                    if top.isObject { try readKey(into: &top) } else { try rejectTrailingComma(closer: "]") }
                    stack.append(top)
                    continue parsing
                }
                if byte == UInt8(ascii: top.isObject ? "}" : "]") {
                    index += 1
                    completed = top.closed()
                    continue
                }
                throw unexpected(expecting: top.isObject ? "',' or '}' after an object member" : "',' or ']' after an array element")
            }
            return completed
        }
    }

    /// Reads `"key":` and leaves the key pending until its value is parsed.
    private mutating func readKey(into container: inout OpenContainer) throws(Diagnostic) {
        skipWhitespace()
        try rejectTrailingComma(closer: "}")
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            throw unexpected(expecting: "an object key in double quotes")
        }
        let line = self.line, column = self.column
        let key = try scanString()
        if let first = container.keys[key] {
            throw Diagnostic.error("duplicate key \"\(key)\" in this object (first written at line \(first.line), column \(first.column))",
                                   at: SourceLocation(path: path, line: line, column: column))
        }
        container.keys[key] = (line, column)
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            throw unexpected(expecting: "':' after the object key")
        }
        index += 1
        container.pendingKey = (key, line, column)
    }

    /// `[1, 2,]` and `{"a": 1,}` are common hand-editing mistakes; say so plainly.
    private mutating func rejectTrailingComma(closer: Character) throws(Diagnostic) {
        skipWhitespace()
        if index < bytes.count, let ascii = closer.asciiValue, bytes[index] == ascii {
            throw error("trailing comma before '\(closer)' is not allowed in JSON")
        }
    }
}
