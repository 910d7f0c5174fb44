import Foundation
import Testing
import PorticoRender

// The official Mustache spec lives in the `shared` folder beside the repository
// root: <root>/Tests/PorticoRenderTests/ → ../../../shared/specs/mustache.
private let specDirectory = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent()   // PorticoRenderTests
    .deletingLastPathComponent()   // Tests
    .deletingLastPathComponent()   // repository root
    .deletingLastPathComponent()   // folder holding the repository and `shared`
    .appendingPathComponent("shared/specs/mustache", isDirectory: true)

/// Whether the spec data is on this machine; the spec tests skip (not fail) without it.
let mustacheSpecAvailable = FileManager.default.fileExists(atPath: specDirectory.path)

/// One test case from a spec module file, converted to our types.
struct MustacheSpecCase: Sendable, CustomTestStringConvertible {
    let module: String
    let name: String
    let summary: String
    let data: MustacheValue
    let template: String
    let partials: [String: String]
    let expected: String

    var testDescription: String { "\(module): \(name)" }

    /// All cases of `module` (e.g. "sections"), or none when the spec is absent.
    static func load(_ module: String) -> [MustacheSpecCase] {
        let file = specDirectory.appendingPathComponent("\(module).json")
        guard let data = try? Data(contentsOf: file),
              let document = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let tests = document["tests"] as? [[String: Any]]
        else { return [] }
        return tests.map { test in
            MustacheSpecCase(
                module: module,
                name: test["name"] as? String ?? "?",
                summary: test["desc"] as? String ?? "",
                data: mustacheValue(fromJSON: test["data"] ?? NSNull()),
                template: test["template"] as? String ?? "",
                partials: test["partials"] as? [String: String] ?? [:],
                expected: test["expected"] as? String ?? "")
        }
    }
}

/// Converts a JSONSerialization result to a MustacheValue.
///
/// Booleans and numbers both arrive as NSNumber, and `as? Bool` succeeds for 0 and
/// 1 too, so booleans are told apart by their class: `__NSCFBoolean` on Linux's
/// Foundation as on Apple's.
func mustacheValue(fromJSON json: Any) -> MustacheValue {
    switch json {
    case let string as String:
        return .string(string)
    case let number as NSNumber:
        if String(describing: type(of: number)).contains("Boolean") {
            return .bool(number.boolValue)
        }
        return .number(number.doubleValue)
    case let array as [Any]:
        return .list(array.map(mustacheValue(fromJSON:)))
    case let object as [String: Any]:
        return .object(object.mapValues(mustacheValue(fromJSON:)))
    default:
        return .null
    }
}

@Suite("The Mustache engine follows the official spec")
struct MustacheSpecTests {
    private static let absent = "../shared/specs/mustache is absent beside the repository; spec cases skipped"

    @Test("interpolation tags print values, escaped or not, as the spec says",
          .enabled(if: mustacheSpecAvailable, Comment(rawValue: absent)),
          arguments: MustacheSpecCase.load("interpolation"))
    func interpolation(_ specCase: MustacheSpecCase) throws {
        try check(specCase)
    }

    @Test("sections render once per item, once for a truthy value, never for a falsey one",
          .enabled(if: mustacheSpecAvailable, Comment(rawValue: absent)),
          arguments: MustacheSpecCase.load("sections"))
    func sections(_ specCase: MustacheSpecCase) throws {
        try check(specCase)
    }

    @Test("inverted sections render only for falsey values",
          .enabled(if: mustacheSpecAvailable, Comment(rawValue: absent)),
          arguments: MustacheSpecCase.load("inverted"))
    func inverted(_ specCase: MustacheSpecCase) throws {
        try check(specCase)
    }

    @Test("comments print nothing and vanish with their line when standalone",
          .enabled(if: mustacheSpecAvailable, Comment(rawValue: absent)),
          arguments: MustacheSpecCase.load("comments"))
    func comments(_ specCase: MustacheSpecCase) throws {
        try check(specCase)
    }

    @Test("partials expand in the current context and indent when standalone",
          .enabled(if: mustacheSpecAvailable, Comment(rawValue: absent)),
          arguments: MustacheSpecCase.load("partials"))
    func partials(_ specCase: MustacheSpecCase) throws {
        try check(specCase)
    }

    @Test("set-delimiter tags change the tag markers for the rest of the template",
          .enabled(if: mustacheSpecAvailable, Comment(rawValue: absent)),
          arguments: MustacheSpecCase.load("delimiters"))
    func delimiters(_ specCase: MustacheSpecCase) throws {
        try check(specCase)
    }

    private func check(_ specCase: MustacheSpecCase) throws {
        let template = try MustacheTemplate(source: specCase.template, name: specCase.name)
        var partials: [String: MustacheTemplate] = [:]
        for (name, source) in specCase.partials {
            partials[name] = try MustacheTemplate(source: source, name: name)
        }
        let output = template.render(specCase.data) { partials[$0] }
        #expect(output == specCase.expected, "\(specCase.summary)\ntemplate: \(specCase.template.debugDescription)")
    }
}

@Suite("The Mustache engine's own behaviour")
struct MustacheEngineTests {
    @Test("an unclosed section is reported at its opening tag's line and column")
    func unclosedSection() {
        do {
            _ = try MustacheTemplate(source: "<ul>\n  {{#items}}\n  <li>{{name}}</li>\n</ul>\n", name: "list.mustache")
            Issue.record("parsing should have failed")
        } catch let error as MustacheError {
            #expect(error.templateName == "list.mustache")
            #expect(error.line == 2)
            #expect(error.column == 3)
            #expect(error.description.hasPrefix("list.mustache:2:3: "))
            #expect(error.message.contains("{{/items}}"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("a close tag that does not match is reported where it stands, naming the open section")
    func mismatchedClose() {
        #expect {
            _ = try MustacheTemplate(source: "{{#a}}\n{{#b}}x{{/a}}", name: "t")
        } throws: { error in
            guard let error = error as? MustacheError else { return false }
            return error.line == 2 && error.column == 8 && error.message.contains("`b`")
        }
    }

    @Test("bad delimiters, stray close tags and unclosed tags are parse errors, not crashes",
          arguments: ["{{=<%=}}", "{{= a b c =}}", "{{/a}}", "text {{name", "{{{name}}", "{{}}", "{{#each items}}{{/each}}"])
    func malformedTemplates(_ source: String) {
        #expect(throws: MustacheError.self) {
            _ = try MustacheTemplate(source: source, name: "t")
        }
    }

    @Test("double mustaches escape & < > \" and ' while triple and ampersand tags do not")
    func escaping() throws {
        let template = try MustacheTemplate(source: "{{v}}|{{{v}}}|{{& v}}", name: "t")
        let output = template.render(["v": "<a href=\"x\" title='y'>&</a>"]) { _ in nil }
        #expect(output == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
            + "|<a href=\"x\" title='y'>&</a>|<a href=\"x\" title='y'>&</a>")
    }

    @Test("escaping keeps combining marks that follow an escaped character")
    func escapingBeforeCombiningMark() throws {
        let template = try MustacheTemplate(source: "{{v}}", name: "t")
        #expect(template.render(["v": "<\u{301}é"]) { _ in nil } == "&lt;\u{301}é")
    }

    @Test("numbers print as integers when whole and in shortest form otherwise")
    func numbers() throws {
        let template = try MustacheTemplate(source: "{{a}} {{b}} {{c}} {{d}}", name: "t")
        #expect(template.render(["a": 85, "b": 1.210, "c": -0.0, "d": 1e20]) { _ in nil } == "85 1.21 0 1e+20")
    }

    @Test("empty strings and zero are falsey, as the spec's `!!data` rule says")
    func truthiness() throws {
        let template = try MustacheTemplate(source: "{{#s}}S{{/s}}{{^s}}-{{/s}}{{#n}}N{{/n}}{{^n}}-{{/n}}", name: "t")
        #expect(template.render(["s": "", "n": 0]) { _ in nil } == "--")
        #expect(template.render(["s": "x", "n": 2]) { _ in nil } == "SN")
    }

    @Test("a partial that includes itself forever stops instead of overflowing the stack")
    func runawayRecursion() throws {
        let loop = try MustacheTemplate(source: "{{#a}}x{{>loop}}{{/a}}", name: "loop")
        let result = loop.renderReportingTruncation(["a": ["b": true]]) { $0 == "loop" ? loop : nil }
        #expect(!result.output.isEmpty)
        #expect(result.output.allSatisfy { $0 == "x" })
        #expect(result.truncated)
    }

    @Test("a partial that includes itself twice stops within the work budget instead of running for ages")
    func exponentialRecursion() throws {
        let fork = try MustacheTemplate(source: "{{>fork}}{{>fork}}y", name: "fork")
        let result = fork.renderReportingTruncation([:]) { $0 == "fork" ? fork : nil }
        #expect(result.truncated)
    }

    @Test("an ordinary template reports no truncation")
    func noTruncation() throws {
        let template = try MustacheTemplate(source: "{{#items}}{{.}}{{/items}}", name: "t")
        let result = template.renderReportingTruncation(["items": [1, 2, 3]]) { _ in nil }
        #expect(result == ("123", false))
    }

    @Test("nested standalone partials accumulate their indentation")
    func nestedIndentation() throws {
        let outer = try MustacheTemplate(source: "<div>\n  {{>inner}}\n</div>\n", name: "outer")
        let inner = try MustacheTemplate(source: "<p>\n  {{>leaf}}\n</p>\n", name: "inner")
        let leaf = try MustacheTemplate(source: "{{#items}}\n<i>{{.}}</i>\n{{/items}}\n", name: "leaf")
        let templates = ["inner": inner, "leaf": leaf]
        let output = outer.render(["items": ["a", "b"]]) { templates[$0] }
        #expect(output == "<div>\n  <p>\n    <i>a</i>\n    <i>b</i>\n  </p>\n</div>\n")
    }
}
