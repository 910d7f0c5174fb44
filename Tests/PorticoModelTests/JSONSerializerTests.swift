import Foundation
import Testing
import PorticoModel

/// Writing JSON for downloads and the search index: valid JSON that keeps the
/// team's member order and is safe inside an HTML `<script>` element.
@Suite("JSON serializer")
struct JSONSerializerTests {
    /// Parses text back with Foundation, as a partner's tools would.
    private func parse(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }

    static let hostileStrings: [String] = [
        "", "plain", "quote \" backslash \\ slash /", "</script><script>alert(1)</script>", "a & b < c > d",
        "<!-- comment -->", "line\nbreak\r\ntab\t", "\u{0}\u{1}\u{8}\u{B}\u{C}\u{1F}\u{7F}", "\u{2028}\u{2029}",
        "注文 🚀 é e\u{301}", "\\u003c not an escape",
    ]

    @Test("every string survives a round trip through a standard JSON parser", arguments: hostileStrings)
    func roundTrip(_ s: String) throws {
        for pretty in [true, false] {
            let text = JSONSerializer.serialize(.object([JSONMember("k", .string(s))]), pretty: pretty)
            let parsed = try #require(try parse(text) as? [String: Any])
            #expect(parsed["k"] as? String == s)
        }
    }

    @Test("the text is safe inside <script>: no <, > or & and no raw line separators", arguments: hostileStrings)
    func scriptSafe(_ s: String) {
        let text = JSONSerializer.serialize(.array([.string(s), .object([JSONMember(s, .string(s))])]), pretty: false)
        for forbidden in ["<", ">", "&", "\u{2028}", "\u{2029}"] {
            #expect(!text.contains(forbidden), "\(forbidden.debugDescription) written raw")
        }
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 }, "a raw control character")
    }

    @Test("characters are escaped the JSON way", arguments: [
        ("<", #""\u003c""#), (">", #""\u003e""#), ("&", #""\u0026""#), ("\"", #""\"""#), ("\\", #""\\""#),
        ("\n", #""\n""#), ("\r", #""\r""#), ("\t", #""\t""#), ("\u{0}", #""\u0000""#), ("\u{1F}", #""\u001f""#),
        ("\u{2028}", #""\u2028""#), ("é", "\"é\""), ("/", "\"/\""),
    ])
    func escapes(_ s: String, _ expected: String) {
        #expect(JSONSerializer.quoted(s) == expected)
    }

    @Test("object members keep their order, however unsorted")
    func memberOrder() throws {
        let keys = ["zeta", "alpha", "mid", "Beta", "10", "2"]
        let text = JSONSerializer.serialize(.object(keys.map { JSONMember($0, .number("1")) }), pretty: false)
        let positions = keys.map { text.range(of: "\"\($0)\"")?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test("members whose value is nil are left out; the others keep their order")
    func optionalMembers() {
        let value = JSONValue.object([("b", .string("x")), ("a", nil), ("c", .bool(true))])
        #expect(JSONSerializer.serialize(value, pretty: false) == #"{"b":"x","c":true}"#)
    }

    @Test("numbers keep their literal text")
    func numbers() throws {
        let text = JSONSerializer.serialize(.array([.number("1.10"), .number("-0"), .number("1e3")]), pretty: false)
        #expect(text == "[1.10,-0,1e3]")
        #expect(try parse(text) is [Any])
    }

    @Test("pretty output is indented by two spaces, ends with a newline, and means the same as compact output")
    func prettyAndCompact() throws {
        let value = JSONValue.object([
            JSONMember("name", .string("Payments")),
            JSONMember("items", .array([.object([JSONMember("n", .null)]), .array([])])),
            JSONMember("empty", .object([JSONMember]())),
        ])
        let pretty = JSONSerializer.serialize(value)
        let compact = JSONSerializer.serialize(value, pretty: false)
        #expect(pretty.hasSuffix("}\n"))
        #expect(pretty.contains("\n  \"name\": \"Payments\""))
        #expect(pretty.contains("\n      \"n\": null"))
        #expect(pretty.contains("[]") && pretty.contains("{}"))
        #expect(!compact.contains(" ") && !compact.contains("\n"))
        let a = try #require(try parse(pretty) as? NSDictionary)
        let b = try #require(try parse(compact) as? NSDictionary)
        #expect(a == b)
    }
}
