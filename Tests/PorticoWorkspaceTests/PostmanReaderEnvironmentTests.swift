import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

/// Environment files and what is refused in environments/.
@Suite("Postman reader: environments")
struct PostmanReaderEnvironmentTests {
    typealias T = PostmanTestSupport

    private func read(_ json: String) throws -> PostmanEnvironment {
        try PostmanReader.readEnvironment(Data(json.utf8), path: "environments/e.json")
    }

    @Test("reads values with enabled (default true), secret type, and non-string values as JSON text")
    func values() throws {
        let environment = try read(#"""
        {"id": "1", "name": "Sandbox", "values": [
          {"key": "baseUrl", "value": "https://sandbox.test", "type": "default", "enabled": true},
          {"key": "token", "value": "s3cret", "type": "secret", "enabled": true},
          {"key": "off", "value": "x", "enabled": false},
          {"key": "port", "value": 8443},
          {"key": "flag", "value": false, "type": "any"},
          {"key": "list", "value": ["a", 1]},
          {"key": "nothing", "value": null},
          {"key": "missing"}
        ], "_postman_variable_scope": "environment"}
        """#)
        #expect(environment.name == "Sandbox")
        #expect(environment.location == SourceLocation(path: "environments/e.json", line: 1, column: 1))
        #expect(environment.values == [
            .init(key: "baseUrl", value: "https://sandbox.test"),
            .init(key: "token", value: "s3cret", isSecret: true),
            .init(key: "off", value: "x", enabled: false),
            .init(key: "port", value: "8443"),
            .init(key: "flag", value: "false"),
            .init(key: "list", value: #"["a",1]"#),
            .init(key: "nothing", value: ""),
            .init(key: "missing", value: ""),
        ])
    }

    @Test("unwraps the Postman API's {\"environment\": {…}} wrapper")
    func wrapper() throws {
        let environment = try read(#"{"environment": {"name": "W", "values": [{"key": "a", "value": "b"}]}}"#)
        #expect(environment.name == "W")
        #expect(environment.values.map(\.key) == ["a"])
    }

    @Test("rejects what is not an environment, at the right place", arguments: [
        (#"{"info": {"name": "C"}, "item": []}"#, "1:1", "is a Postman collection, not an environment; move it to collections/"),
        (#"{"name": "E"}"#, "1:1", "no `values` array"),
        (#"{"values": []}"#, "1:1", "this environment has no `name`"),
        (#"{"name": "E", "values": [{"value": "x"}]}"#, "1:26", "this environment value has no `key`"),
        (#"{"name": "E", "values": [{"key": "a", "enabled": "yes"}]}"#, "1:50", "`enabled` must be true or false"),
        ("[]", "1:1", "expected a JSON object"),
        (#"{"name": "E", "values": [}"#, "1:26", "expected a value"),
    ])
    func rejects(json: String, position: String, message: String) throws {
        let errors = T.errors { _ = try read(json) }
        let error = try #require(errors.first)
        #expect(errors.count == 1, "\(errors)")
        #expect(error.location?.path == "environments/e.json")
        #expect("\(error.location?.line ?? 0):\(error.location?.column ?? 0)" == position)
        #expect(error.message.contains(message), "\(error.message)")
    }
}
