import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

@Suite("Workspace files: portico.yaml")
struct WorkspaceFilesSettingsTests {
    private func read(_ text: String) throws -> WorkspaceSettings {
        try WorkspaceSettingsReader.read(Data(yaml: text), path: "portico.yaml")
    }

    private func problems(_ text: String) -> [Diagnostic] {
        thrownDiagnostics { _ = try read(text) }
    }

    static let specExample = """
        name: Acme Payments            # required
        description: |                 # optional
          Payments, refunds and payouts for Acme partners.
        multipartner: true
        base_url: https://docs.acme.example/partners
        default_environment: Sandbox
        team:
          - name: Dana Rivera
            email: dana@acme.example
            role: admin
          - name: Sam Lee
            role: editor
        show_email: false
        visibility:
          internal:
            - collections/Payments API/Admin
            - environments/Staging
            - docs/runbook
          partners:
            collections/Payments API/Beta: [globex]
            docs/partners/*: [globex, initech]

        """

    @Test("the example from the spec reads into every field")
    func specExampleReads() throws {
        let settings = try read(Self.specExample)
        #expect(settings.name == "Acme Payments")
        #expect(settings.description == "Payments, refunds and payouts for Acme partners.\n")
        #expect(settings.multipartner && settings.multipartnerGiven)
        #expect(settings.baseURL == "https://docs.acme.example/partners")
        #expect(settings.defaultEnvironment?.value == "Sandbox")
        #expect(settings.defaultEnvironment?.location == SourceLocation(path: "portico.yaml", line: 6, column: 22))
        #expect(settings.team.map(\.name) == ["Dana Rivera", "Sam Lee"])
        #expect(settings.team.map(\.role) == [.admin, .editor])
        #expect(settings.team.first?.email == "dana@acme.example")
        #expect(settings.team.last?.email == nil)
        #expect(settings.showEmail == false)
        #expect(settings.internalSelectors.map(\.value)
            == ["collections/Payments API/Admin", "environments/Staging", "docs/runbook"])
        #expect(settings.internalSelectors.first?.location.line == 16)
        #expect(settings.partnerSelectors.map(\.selector.value)
            == ["collections/Payments API/Beta", "docs/partners/*"])
        #expect(settings.partnerSelectors.map { $0.partners.map(\.value) } == [["globex"], ["globex", "initech"]])
        #expect(settings.partnerSelectors.first?.selector.location.line == 20)
    }

    @Test("optional settings take their defaults")
    func defaults() throws {
        let settings = try read("name: Acme\nteam:\n  - {name: Dana, role: admin}\n")
        #expect(settings.multipartner == false)
        #expect(settings.multipartnerGiven == false)
        #expect(settings.showEmail == false)
        #expect(settings.description == nil && settings.baseURL == nil && settings.defaultEnvironment == nil)
        #expect(settings.internalSelectors.isEmpty && settings.partnerSelectors.isEmpty)
    }

    @Test("`multipartner: false` written out is remembered as given")
    func multipartnerGivenFalse() throws {
        let settings = try read("name: Acme\nmultipartner: false\nteam:\n  - {name: Dana, role: admin}\n")
        #expect(settings.multipartner == false)
        #expect(settings.multipartnerGiven)
    }

    @Test("a misspelt `visibilty` is an error with a suggestion, never ignored")
    func misspeltVisibility() {
        let found = problems("""
            name: Acme
            team:
              - name: Dana
                role: admin
            visibilty:
              internal: [docs/runbook]
            """)
        #expect(found.count == 1)
        #expect(lineColumn(found.first) == "5:1")
        #expect(found.first?.message == "unknown key `visibilty` in portico.yaml; did you mean `visibility`?")
        #expect(found.first?.description.hasPrefix("portico.yaml:5:1: error: ") == true)
    }

    @Test("an unknown key reports its own line and column (7:3)")
    func unknownNestedKeyPosition() {
        let found = problems("""
            name: Acme
            team:
              - name: Dana
                role: admin
            visibility:
              internal: [docs/runbook]
              partner:
                docs/guide: [globex]
            """)
        #expect(found.count == 1)
        #expect(lineColumn(found.first) == "7:3")
        #expect(found.first?.message.contains("did you mean `partners`?") == true)
    }

    @Test("an unknown key far from every known one lists what is allowed")
    func unknownKeyWithoutSuggestion() {
        let found = problems("name: Acme\ncolour: red\nteam:\n  - {name: Dana, role: admin}\n")
        #expect(lineColumn(found.first) == "2:1")
        #expect(found.first?.message.contains("expected one of `name`, `description`") == true)
    }

    @Test("every problem in the file is reported, not just the first")
    func allProblemsReported() {
        let found = problems("""
            nmae: Acme
            multipartner: yes
            base_url: /docs
            team:
              - name: Dana
                role: owner
                mail: dana@acme.example
            show_email: "true"
            """)
        #expect(found.map(lineColumn) == ["1:1", "1:1", "2:15", "3:11", "6:11", "7:5", "8:13"])
        #expect(found[1].message.contains("missing the required key `name`"))
    }

    @Test("the team needs an admin")
    func missingAdmin() {
        let found = problems("name: Acme\nteam:\n  - name: Dana\n    role: editor\n  - name: Sam\n    role: viewer\n")
        #expect(found.count == 1)
        #expect(lineColumn(found.first) == "3:3")
        #expect(found.first?.message.contains("at least one member with `role: admin`") == true)
    }

    @Test("an empty team is missing its admin too")
    func emptyTeam() {
        let found = problems("name: Acme\nteam: []\n")
        #expect(found.count == 1)
        #expect(found.first?.message.contains("role: admin") == true)
    }

    @Test("a role outside viewer, editor and admin is an error with a suggestion")
    func unknownRole() {
        let found = problems("name: Acme\nteam:\n  - name: Dana\n    role: admn\n")
        #expect(found.count == 1)
        #expect(lineColumn(found.first) == "4:11")
        #expect(found.first?.message.contains("did you mean `admin`?") == true)
    }

    @Test("booleans are exactly true or false", arguments: ["yes", "no", "on", "True", "\"true\"", "1", "", "[true]"])
    func strictBooleans(value: String) {
        let found = problems("name: Acme\nmultipartner: \(value)\nteam:\n  - {name: Dana, role: admin}\n")
        #expect(found.count == 1)
        #expect(lineColumn(found.first) == (value.isEmpty ? "2:14" : "2:15"))
        #expect(found.first?.message.contains("must be true or false") == true)
    }

    @Test("base_url must be an absolute http(s) URL", arguments: [
        ("https://docs.acme.example/partners", true), ("http://localhost:8080", true),
        ("docs.acme.example", false), ("/partners", false), ("ftp://acme.example", false), ("https://", false),
    ])
    func baseURL(value: String, valid: Bool) {
        let found = problems("name: Acme\nbase_url: \(value)\nteam:\n  - {name: Dana, role: admin}\n")
        #expect(found.isEmpty == valid, "\(found)")
    }

    @Test("name and team are required, and name must not be empty", arguments: [
        ("team:\n  - {name: Dana, role: admin}\n", "missing the required key `name`"),
        ("name: Acme\n", "missing the required key `team`"),
        ("name: \"  \"\nteam:\n  - {name: Dana, role: admin}\n", "`name` must not be empty"),
        ("name:\nteam:\n  - {name: Dana, role: admin}\n", "`name` needs a value"),
    ])
    func required(text: String, message: String) {
        let found = problems(text)
        #expect(found.count == 1)
        #expect(found.first?.message.contains(message) == true, "\(found)")
    }

    @Test("wrong types are errors at the value", arguments: [
        ("name: [Acme]\nteam:\n  - {name: Dana, role: admin}\n", "1:7"),
        ("name: Acme\nteam: {name: Dana}\n", "2:7"),
        ("name: Acme\nteam:\n  - Dana\n", "3:5"),
        ("name: Acme\nteam:\n  - {name: Dana, role: admin}\nvisibility:\n  internal: docs/runbook\n", "5:13"),
        ("name: Acme\nteam:\n  - {name: Dana, role: admin}\nvisibility:\n  partners:\n    docs/x: globex\n", "6:13"),
        ("name: Acme\nteam:\n  - {name: Dana, role: admin}\nvisibility:\n  internal: [[docs/x]]\n", "5:14"),
    ])
    func wrongTypes(text: String, at expected: String) {
        let found = problems(text)
        #expect(found.count == 1, "\(found)")
        #expect(lineColumn(found.first) == expected)
    }

    @Test("an empty or non-mapping file is an error", arguments: ["", "- name: Acme\n", "just text\n"])
    func notAMapping(text: String) {
        let found = problems(text)
        #expect(found.count == 1)
        #expect(lineColumn(found.first) == "1:1")
    }

    @Test("a YAML syntax error comes back as a one-item diagnostic list")
    func syntaxError() {
        do {
            _ = try read("name: \"Acme\nteam: []\n")
            Issue.record("expected an error")
        } catch let list as DiagnosticList {
            #expect(list.diagnostics.count == 1)
            #expect(lineColumn(list.diagnostics.first) == "1:7")
        } catch {
            Issue.record("expected DiagnosticList, got \(error)")
        }
    }
}
