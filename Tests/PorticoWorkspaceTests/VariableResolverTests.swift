import Testing
@testable import PorticoWorkspace

/// `{{name}}` resolution: nesting, cycles, depth, dynamic variables and secrets.
@Suite("Variable resolver")
struct VariableResolverTests {
    let resolver = VariableResolver(values: [
        "baseUrl": "https://{{host}}/{{version}}",
        "host": "api.example.test",
        "version": "v1",
        "region": "eu",
        "base_eu": "https://eu.example.test",
        "a": "{{b}}",
        "b": "{{a}}",
        "self": "x{{self}}",
        "empty": "",
        "spaced name": "ok",
        "chain0": "{{chain1}}", "chain1": "{{chain2}}", "chain2": "{{chain3}}", "chain3": "{{chain4}}",
        "chain4": "{{chain5}}", "chain5": "{{chain6}}", "chain6": "{{chain7}}", "chain7": "{{chain8}}",
        "chain8": "{{chain9}}", "chain9": "{{chain10}}", "chain10": "{{chain11}}", "chain11": "end",
    ])

    @Test("resolves references, nested values and inner-first names", arguments: [
        ("{{baseUrl}}/orders", "https://api.example.test/v1/orders"),
        ("{{base_{{region}}}}/x", "https://eu.example.test/x"),
        ("{{host}}:{{host}}", "api.example.test:api.example.test"),
        ("[{{empty}}]", "[]"),
        ("{{spaced name}}", "ok"),
        ("{{{host}}}", "{api.example.test}"),
        ("no references here", "no references here"),
        ("single {brace} and {{", "single {brace} and {{"),
        ("{{unterminated", "{{unterminated"),
        ("héllo {{version}} ✓", "héllo v1 ✓"),
    ])
    func resolves(input: String, expected: String) {
        #expect(resolver.resolve(input) == expected)
    }

    @Test("leaves unknown names, dynamic variables and malformed references as written", arguments: [
        "{{missing}}", "{{$guid}}", "{{$randomInt}}", "{{a{b}}", "{{base_{{nowhere}}}}", "{{}}",
    ])
    func verbatim(input: String) {
        #expect(resolver.resolve(input) == input)
    }

    @Test("cycles stop and leave the reference as written", arguments: [
        ("{{a}}", "{{a}}"),
        ("{{b}}", "{{b}}"),
        ("{{self}}", "x{{self}}"),
    ])
    func cycles(input: String, expected: String) {
        #expect(resolver.resolve(input) == expected)
    }

    @Test("chains deeper than the maximum depth stop with a reference left in place")
    func depth() {
        let result = resolver.resolve("{{chain0}}")
        #expect(result.hasPrefix("{{chain"))
        #expect(resolver.resolve("{{chain5}}") == "end")
    }

    @Test("a name mapped to nil stays a reference even when its value would be known elsewhere (secrets)")
    func nilValues() {
        let layered = VariableResolver(values: ["apiKey": nil, "header": "Key {{apiKey}}", "user": "bot"] as [String: String?])
        #expect(layered.resolve("{{header}} {{user}}") == "Key {{apiKey}} bot")
    }

    @Test("strings without {{ are returned unchanged quickly")
    func fastPath() {
        let long = String(repeating: "plain text { not a reference } ", count: 10_000)
        #expect(resolver.resolve(long) == long)
        #expect(!VariableResolver.mayContainReference(long))
    }
}
