import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

/// Deep nesting is refused cleanly and large documents parse fast.
@Suite("JSON parser: depth and size limits")
struct JSONParserLimitsTests {
    @Test("accepts nesting up to the maximum depth")
    func maximumDepth() throws {
        let depth = JSONParser.maximumDepth
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect(try JSONParser.parse(text, path: "t.json").elements?.count == 1)
    }

    @Test("reports nesting beyond the maximum instead of overflowing the stack", arguments: [
        JSONParser.maximumDepth + 1, 100_000,
    ])
    func tooDeep(depth: Int) throws {
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        #expect {
            try JSONParser.parse(text, path: "deep.json")
        } throws: { error in
            let diagnostic = error as? Diagnostic
            return diagnostic?.message.contains("nested more than 512 levels") == true
                && diagnostic?.location?.column == JSONParser.maximumDepth + 1
        }
        let objects = String(repeating: "{\"a\":", count: depth) + "1" + String(repeating: "}", count: depth)
        #expect(throws: Diagnostic.self) { try JSONParser.parse(objects, path: "deep.json") }
    }

    @Test("parses a multi-megabyte document quickly")
    func large() throws {
        var text = "["
        for i in 0..<40_000 {
            if i > 0 { text += "," }
            text += #"{"name": "request \#(i) — é", "url": "https://api.example.test/v1/items/\#(i)?q=1", "n": \#(i).5, "ok": true, "tags": ["a", "b\n"]}"#
        }
        text += "]"
        let data = Data(text.utf8)
        #expect(data.count > 4_000_000)
        let clock = ContinuousClock()
        var root: JSONNode?
        let elapsed = try clock.measure { root = try JSONParser.parse(data, path: "big.json") }
        #expect(root?.elements?.count == 40_000)
        #expect(root?.elements?.last?.line == 1)
        // Generous for debug builds on a shared machine; a byte-wise parser takes well under a second.
        #expect(elapsed < .seconds(15), "parsing 4 MB took \(elapsed)")
    }
}
