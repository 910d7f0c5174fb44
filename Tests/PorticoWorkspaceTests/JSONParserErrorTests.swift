import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

/// Invalid JSON: each problem is reported at its line and column with a message that says what to fix.
@Suite("JSON parser: errors point at the problem")
struct JSONParserErrorTests {
    /// The diagnostic for bad input: `line:column` and its message.
    private func failure(_ data: Data) -> (position: String, message: String)? {
        do {
            _ = try JSONParser.parse(data, path: "collections/bad.json")
            return nil
        } catch {
            #expect(error.location?.path == "collections/bad.json")
            return ("\(error.location?.line ?? 0):\(error.location?.column ?? 0)", error.message)
        }
    }

    @Test("rejects malformed JSON with line, column and a clear message", arguments: [
        ("", "1:1", "empty"),
        ("   \n  ", "2:3", "empty"),
        ("{\"a\": 1} x", "1:10", "after the end of the JSON document"),
        ("[1, 2] [", "1:8", "after the end"),
        ("{\"a\": \"open", "1:7", "not closed before the end of the file"),
        ("{\"a\": \"line\nbreak\"}", "1:7", "not closed before the end of the line"),
        (#"["bad \q escape"]"#, "1:7", "invalid escape \\q"),
        (#"["\u12G4"]"#, "1:3", "four hexadecimal digits"),
        ("[\"tab\there\"]", "1:6", "control character U+0009"),
        ("{'a': 1}", "1:2", "double quotes"),
        ("{\"a\": 1,}", "1:9", "trailing comma"),
        ("[1, 2,]", "1:7", "trailing comma"),
        ("[1 2]", "1:4", "expected ',' or ']'"),
        ("{\"a\" 1}", "1:6", "expected ':'"),
        ("{\"a\": 1 \"b\": 2}", "1:9", "expected ',' or '}'"),
        ("{1: 2}", "1:2", "object key in double quotes"),
        ("[01]", "1:3", "leading zeros"),
        ("[1.]", "1:4", "after the decimal point"),
        ("[-]", "1:3", "digit after '-'"),
        ("[1e]", "1:4", "exponent"),
        ("[True]", "1:2", "lower case"),
        ("[nul]", "1:2", "expected a value"),
        ("[nullx]", "1:2", "expected a value"),
        ("// comment\n{}", "1:1", "comments are not allowed"),
        ("[1,\n  2,\n  {\"a\": }]", "3:9", "expected a value"),
        ("{\"a\": 1, \"a\": 2}", "1:10", "duplicate key \"a\""),
        ("[1, 2", "1:6", "array opened at line 1, column 1 is not closed"),
        ("{\"é\": \"ü\", \"x\": ]", "1:17", "expected a value"),
    ])
    func malformed(text: String, position: String, message: String) throws {
        let result = try #require(failure(Data(text.utf8)))
        #expect(result.position == position)
        #expect(result.message.contains(message), "\(result.message)")
    }

    @Test("rejects invalid UTF-8 at the offending byte", arguments: [
        ([0x5B, 0x22, 0x61, 0xFF, 0x22, 0x5D] as [UInt8], "1:4"),          // 0xFF is never UTF-8
        ([0x5B, 0x22, 0xC0, 0xAF, 0x22, 0x5D], "1:3"),                     // overlong '/'
        ([0x5B, 0x22, 0xED, 0xA0, 0x80, 0x22, 0x5D], "1:3"),               // encoded surrogate
        ([0x5B, 0x22, 0xE2, 0x82, 0x22, 0x5D], "1:3"),                     // truncated sequence
        ([0x5B, 0x22, 0xC3, 0xA9, 0x22, 0x2C, 0x22, 0xF8, 0x22, 0x5D], "1:7"), // after a valid é
    ])
    func invalidUTF8(bytes: [UInt8], position: String) throws {
        let result = try #require(failure(Data(bytes)))
        #expect(result.position == position)
        #expect(result.message.contains("UTF-8"))
    }

    @Test("a non-ASCII byte outside strings is reported as such")
    func nonASCIIOutsideString() throws {
        let result = try #require(failure(Data("[é]".utf8)))
        #expect(result.position == "1:2")
        #expect(result.message.contains("non-ASCII"))
    }
}
