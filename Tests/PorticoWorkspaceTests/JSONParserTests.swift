import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

/// Valid JSON: values, member order, positions, escapes and UTF-8.
@Suite("JSON parser: values and positions")
struct JSONParserTests {
    @Test("parses every kind of value into the ordered JSONValue", arguments: [
        ("null", JSONValue.null),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("0", .number("0")),
        ("-12.50e+3", .number("-12.50e+3")),
        (#""hi""#, .string("hi")),
        ("[]", .array([])),
        ("{}", .object([JSONMember]())),
        (#"[1, "a", [null]]"#, .array([.number("1"), .string("a"), .array([.null])])),
    ])
    func parsesValues(text: String, expected: JSONValue) throws {
        #expect(try JSONParser.parse(text, path: "t.json").value == expected)
    }

    @Test("keeps object members in file order, not sorted")
    func keepsOrder() throws {
        let node = try JSONParser.parse(#"{"zeta": 1, "alpha": 2, "mid": 3}"#, path: "t.json")
        #expect(node.members?.map(\.key) == ["zeta", "alpha", "mid"])
    }

    @Test("numbers keep their literal text so 1.10 is not rewritten as 1.1")
    func numberText() throws {
        #expect(try JSONParser.parse("[1.10, 1E5, -0]", path: "t.json").value
            == .array([.number("1.10"), .number("1E5"), .number("-0")]))
    }

    @Test("records 1-based line and column of every node and key")
    func positions() throws {
        let text = "{\n  \"a\": [1,\n    {\"b\": true}],\n\t\"c\": null\n}"
        let root = try JSONParser.parse(text, path: "t.json")
        #expect((root.line, root.column) == (1, 1))
        let a = try #require(root.member("a"))
        #expect((a.keyLine, a.keyColumn) == (2, 3))
        #expect((a.value.line, a.value.column) == (2, 8))
        let inner = try #require(a.value.elements?[1])
        #expect((inner.line, inner.column) == (3, 5))
        #expect(inner["b"].map { ($0.line, $0.column) }! == (3, 11))
        let c = try #require(root.member("c"))
        #expect((c.keyLine, c.keyColumn) == (4, 2))
    }

    @Test("counts columns in characters, so text after an accented word is placed right")
    func unicodeColumns() throws {
        let root = try JSONParser.parse(#"{"név": "héllo wörld", "x": 1}"#, path: "t.json")
        let x = try #require(root.member("x"))
        #expect(x.keyColumn == 24)
    }

    @Test("CRLF and lone CR line endings each count as one line")
    func lineEndings() throws {
        let root = try JSONParser.parse("[\r\n1,\r2]", path: "t.json")
        #expect(root.elements?.map(\.line) == [2, 3])
    }

    @Test("skips a leading UTF-8 byte-order mark without shifting columns")
    func byteOrderMark() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(#"{"a": 1}"#.utf8))
        let root = try JSONParser.parse(data, path: "t.json")
        #expect(root.column == 1)
        #expect(root.member("a")?.keyColumn == 2)
    }

    @Test("decodes escapes, including surrogate pairs", arguments: [
        (#""a\"b\\c\/d""#, "a\"b\\c/d"),
        (#""\b\f\n\r\t""#, "\u{8}\u{C}\n\r\t"),
        (#""\u00e9\u4e2d""#, "é中"),
        (#""\ud83d\ude00""#, "😀"),
        (#""caf\u00E9 ok""#, "café ok"),
    ])
    func escapes(text: String, expected: String) throws {
        #expect(try JSONParser.parse(text, path: "t.json").string == expected)
    }

    @Test("replaces lone surrogates with U+FFFD", arguments: [
        (#""\ud800""#, "\u{FFFD}"),
        (#""\udc00x""#, "\u{FFFD}x"),
        (#""\ud800\u0041""#, "\u{FFFD}A"),
    ])
    func loneSurrogates(text: String, expected: String) throws {
        #expect(try JSONParser.parse(text, path: "t.json").string == expected)
    }

    @Test("keeps multi-byte UTF-8 text in strings")
    func utf8Strings() throws {
        let text = #"["Привет", "日本語", "emoji 🎉", "\u00e9 é"]"#
        #expect(try JSONParser.parse(text, path: "t.json").value
            == .array([.string("Привет"), .string("日本語"), .string("emoji 🎉"), .string("é é")]))
    }

    @Test("looks up members and describes node kinds for messages")
    func helpers() throws {
        let root = try JSONParser.parse(#"{"s": "x", "n": 2, "o": {}, "a": [], "b": false, "z": null}"#, path: "t.json")
        #expect(root["s"]?.string == "x")
        #expect(root["missing"] == nil)
        #expect(root.has("z") && root["z"]?.isNull == true)
        #expect(["s", "n", "o", "a", "b", "z"].map { root[$0]!.kindDescription }
            == ["a string", "a number", "an object", "an array", "a boolean", "null"])
        #expect(root["n"]?.location(in: "f.json").description == "f.json:1:17")
    }

    @Test("writes a node back as compact or pretty JSON text without HTML escaping")
    func jsonText() throws {
        let node = try JSONParser.parse(#"{"a": [1, true, null], "b": "<x> & \"y\""}"#, path: "t.json")
        #expect(node.jsonText(pretty: false) == #"{"a":[1,true,null],"b":"<x> & \"y\""}"#)
        #expect(node.jsonText(pretty: true) == "{\n  \"a\": [\n    1,\n    true,\n    null\n  ],\n  \"b\": \"<x> & \\\"y\\\"\"\n}")
    }
}
