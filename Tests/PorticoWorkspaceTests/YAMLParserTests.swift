import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

@Suite("YAML parser")
struct YAMLParserTests {
    private func parse(_ text: String) throws -> YAMLNode {
        try YAMLParser.parse(Data(yaml: text), path: "test.yaml")
    }

    private func pairs(_ node: YAMLNode) -> [YAMLPair] {
        if case .mapping(let pairs) = node.content { return pairs }
        return []
    }

    @Test("a mapping keeps its keys in file order with 1-based positions")
    func orderedMapping() throws {
        let root = try parse("zeta: 1\nalpha:\n  - x\n  - y\nmiddle: {a: b}\n")
        let entries = pairs(root)
        #expect(entries.map { $0.key.scalar?.text } == ["zeta", "alpha", "middle"])
        #expect((root.line, root.column) == (1, 1))
        #expect((entries[1].key.line, entries[1].key.column) == (2, 1))
        guard case .sequence(let items) = entries[1].value.content else {
            Issue.record("expected a sequence")
            return
        }
        #expect(items.map { "\($0.line):\($0.column)" } == ["3:5", "4:5"])
        #expect((entries[2].value.line, entries[2].value.column) == (5, 9))
    }

    @Test("quoted and plain scalars differ", arguments: [
        ("v: true", YAMLScalar.Style.plain, true),
        ("v: \"true\"", .doubleQuoted, false),
        ("v: 'true'", .singleQuoted, false),
        ("v: |\n  true\n", .literal, false),
        ("v: >\n  true\n", .folded, false),
        ("v: !!str true", .plain, false),
    ])
    func scalarStyles(text: String, style: YAMLScalar.Style, isPlain: Bool) throws {
        let scalar = try #require(pairs(try parse(text)).first?.value.scalar)
        #expect(scalar.style == style)
        #expect(scalar.isPlain == isPlain)
        #expect(scalar.text.hasPrefix("true"))
    }

    @Test("empty values, ~ and null are null; an empty quoted string is not", arguments: [
        ("v:", true), ("v: ~", true), ("v: null", true), ("v: \"\"", false), ("v: ''", false), ("v: nil", false),
    ])
    func nulls(text: String, isNull: Bool) throws {
        let value = try #require(pairs(try parse(text)).first?.value)
        #expect(value.isNull == isNull)
    }

    @Test("an empty file, or one with only comments, is the null node", arguments: ["", "# just a comment\n", "\n\n", "---\n"])
    func emptyFile(text: String) throws {
        let root = try parse(text)
        #expect(root.isNull)
    }

    @Test("a leading byte-order mark is allowed and does not shift columns")
    func byteOrderMark() throws {
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(yaml: "name: Acme\nx: 1\n"))
        let root = try YAMLParser.parse(data, path: "portico.yaml")
        #expect(pairs(root).map { "\($0.key.line):\($0.key.column)" } == ["1:1", "2:1"])
        #expect(try YAMLParser.parse(Data([0xEF, 0xBB, 0xBF]), path: "portico.yaml").isNull)
    }

    @Test("a UTF-16 file is not taken for YAML")
    func utf16Rejected() {
        var data = Data([0xFF, 0xFE])
        data.append("a: 1\n".data(using: .utf16LittleEndian) ?? Data())
        #expect(thrownDiagnostics { _ = try YAMLParser.parse(data, path: "t.yaml") }.count == 1)
    }

    @Test("columns count characters, not UTF-8 bytes")
    func nonASCIIColumns() throws {
        let root = try parse("é: [ü, x]\n")
        let value = try #require(pairs(root).first?.value)
        guard case .sequence(let items) = value.content else {
            Issue.record("expected a sequence")
            return
        }
        #expect(items.map(\.column) == [5, 8])
    }

    @Test("a duplicate key is an error at its second occurrence")
    func duplicateKey() {
        let found = thrownDiagnostics { _ = try parse("name: a\nteam: []\nname: b\n") }
        #expect(found.count == 1)
        #expect(lineColumn(found.first) == "3:1")
        #expect(found.first?.message.contains("duplicate key `name`") == true)
        #expect(found.first?.message.contains("line 1, column 1") == true)
    }

    @Test("a nested duplicate key is found too, and quoting does not make it different")
    func nestedDuplicateKey() {
        let found = thrownDiagnostics { _ = try parse("visibility:\n  internal: []\n  \"internal\": []\n") }
        #expect(lineColumn(found.first) == "3:3")
    }

    @Test("a second document is an error")
    func multipleDocuments() {
        let found = thrownDiagnostics { _ = try parse("name: a\n---\nname: b\n") }
        #expect(found.count == 1)
        #expect(lineColumn(found.first) == "2:1")
        #expect(found.first?.message.contains("second YAML document") == true)
    }

    @Test("tab indentation is reported with line, column and a hint")
    func tabIndentation() {
        let found = thrownDiagnostics { _ = try parse("team:\n  - name: Dana\n\trole: admin\n") }
        #expect(found.count == 1)
        #expect(lineColumn(found.first) == "3:1")
        #expect(found.first?.message.contains("tab") == true)
        #expect(found.first?.location?.path == "test.yaml")
    }

    @Test("an unclosed quote points at where the quote starts")
    func unclosedQuote() {
        let found = thrownDiagnostics { _ = try parse("name: Acme\ndescription: \"Payments\nteam: []\n") }
        #expect(found.count == 1)
        #expect(lineColumn(found.first) == "2:14")
        #expect(found.first?.message.contains("quoted scalar") == true)
    }

    @Test("libyaml's own problem text is kept", arguments: [
        ("a: b: c\n", "mapping values are not allowed"),
        ("a: [1, 2\n", "flow sequence"),
        ("- a\nb: c\n", "did not find expected '-' indicator"),
    ])
    func libyamlProblems(text: String, fragment: String) {
        let found = thrownDiagnostics { _ = try parse(text) }
        #expect(found.count == 1)
        #expect(found.first?.message.contains(fragment) == true, "\(found)")
        #expect(found.first?.location?.line != nil)
    }

    @Test("invalid UTF-8 is an error with a position")
    func invalidUTF8() {
        var data = Data(yaml: "name: ok\nx: ")
        data.append(contentsOf: [0xFF, 0xFE])
        let found = thrownDiagnostics { _ = try YAMLParser.parse(data, path: "test.yaml") }
        #expect(found.count == 1)
        #expect(lineColumn(found.first) == "2:4")
    }

    @Test("an alias is replaced by a copy of its anchored node, placed where it is used")
    func aliases() throws {
        let root = try parse("base: &b {client: x}\ncopy: *b\n")
        let entries = pairs(root)
        #expect(entries.count == 2)
        guard case .mapping(let copied) = entries[1].value.content else {
            Issue.record("expected the alias to resolve to a mapping")
            return
        }
        #expect(copied.first?.value.scalar?.text == "x")
        #expect((entries[1].value.line, entries[1].value.column) == (2, 7))
    }

    @Test("an alias without an anchor is an error")
    func undefinedAlias() {
        let found = thrownDiagnostics { _ = try parse("a: *nowhere\n") }
        #expect(lineColumn(found.first) == "1:4")
        #expect(found.first?.message.contains("no anchor") == true)
    }

    @Test("a billion-laughs document is rejected quickly, within the alias budget")
    func billionLaughs() {
        var text = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ")
            text += "a\(level): &a\(level) [\(refs)]\n"
        }
        let clock = ContinuousClock()
        var found: [Diagnostic] = []
        let elapsed = clock.measure { found = thrownDiagnostics { _ = try parse(text) } }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("aliases expand to more than") == true)
        #expect(elapsed < .seconds(2))
    }

    @Test("a few aliases stay within the budget")
    func modestAliases() throws {
        let root = try parse("x: &x [1, 2, 3]\ny: [*x, *x, *x]\n")
        #expect(pairs(root).count == 2)
    }

    @Test("nesting past the limit is an error, not a stack overflow")
    func deepNesting() {
        let text = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        let found = thrownDiagnostics { _ = try parse(text) }
        #expect(found.count == 1)
        #expect(found.first?.message.contains("nesting is deeper than") == true)
        #expect(lineColumn(found.first) == "1:65")
    }

    @Test("aliases cannot smuggle nesting past the limit")
    func deepNestingThroughAliases() {
        let limits = YAMLParser.Limits(maxDepth: 4, maxAliasNodes: 1_000)
        let text = "a: &a [[[x]]]\nb: [*a]\n"
        let found = thrownDiagnostics { _ = try YAMLParser.parse(Data(yaml: text), path: "t.yaml", limits: limits) }
        #expect(found.first?.message.contains("nesting is deeper than 4") == true)
        #expect(lineColumn(found.first) == "2:5")
    }

    @Test("tags other than !!str, !!seq and !!map are rejected", arguments: ["v: !!binary aGk=", "v: !custom x", "v: !!int 3"])
    func unsupportedTags(text: String) {
        let found = thrownDiagnostics { _ = try parse(text) }
        #expect(found.count == 1)
        #expect(lineColumn(found.first) == "1:4")
        #expect(found.first?.message.contains("not supported") == true)
    }

    @Test("CRLF line endings parse with the same positions")
    func crlf() throws {
        let root = try parse("a: 1\r\nb:\r\n  c: 2\r\n")
        let entries = pairs(root)
        #expect(entries.map { "\($0.key.line):\($0.key.column)" } == ["1:1", "2:1"])
        #expect(pairs(entries[1].value).first.map { "\($0.key.line):\($0.key.column)" } == "3:3")
    }
}

@Suite("YAML key suggestions")
struct YAMLKeySuggestionTests {
    static let keys = ["name", "description", "multipartner", "base_url", "default_environment", "team",
                       "show_email", "visibility"]

    @Test("a key within two edits is suggested", arguments: [
        ("visibilty", "visibility"), ("visiblity", "visibility"), ("nmae", "name"), ("teams", "team"),
        ("show-email", "show_email"), ("baseurl", "base_url"), ("Visibility", "visibility"),
    ])
    func suggests(typo: String, expected: String) {
        #expect(YAMLKeySuggestion.nearest(to: typo, in: Self.keys) == expected)
    }

    @Test("nothing is suggested for a key far from all of them", arguments: ["colour", "partners", "zzz"])
    func noSuggestion(key: String) {
        #expect(YAMLKeySuggestion.nearest(to: key, in: Self.keys) == nil)
    }
}
