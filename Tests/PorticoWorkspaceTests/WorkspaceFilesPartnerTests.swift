import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

@Suite("Workspace files: partners/<slug>.yaml")
struct WorkspaceFilesPartnerTests {
    private func read(_ text: String, path: String = "partners/globex.yaml") throws -> PartnerFile {
        try PartnerFileReader.read(Data(yaml: text), path: path)
    }

    private func problems(_ text: String, path: String = "partners/globex.yaml") -> [Diagnostic] {
        thrownDiagnostics { _ = try read(text, path: path) }
    }

    @Test("the example from the spec reads into every field")
    func specExample() throws {
        let partner = try read("""
            name: Globex Corporation
            members:
              - name: Hank Scorpio
                email: hank@globex.example
                role: viewer
              - name: Frank Grimes
            environment:
              client_id: globex-sandbox-7781
              base_url: https://sandbox.acme.example/globex
            """)
        #expect(partner.slug == "globex")
        #expect(partner.name == "Globex Corporation")
        #expect(partner.members.map(\.name) == ["Hank Scorpio", "Frank Grimes"])
        #expect(partner.members.map(\.email) == ["hank@globex.example", nil])
        #expect(partner.members.first?.location == SourceLocation(path: "partners/globex.yaml", line: 3, column: 5))
        #expect(partner.environmentPairs.map(\.key) == ["client_id", "base_url"])
        #expect(partner.environmentPairs.map(\.value) == ["globex-sandbox-7781", "https://sandbox.acme.example/globex"])
        #expect(partner.environment.first?.location.line == 8)
    }

    @Test("environment numbers, booleans and dates keep the text as written")
    func environmentScalarsAsText() throws {
        let partner = try read("name: Globex\nenvironment:\n  port: 08080\n  debug: yes\n  ratio: 1.50\n  since: 2024-01-10\n  empty:\n  quoted: \"42\"\n")
        #expect(partner.environmentPairs.map(\.value) == ["08080", "yes", "1.50", "2024-01-10", "", "42"])
    }

    @Test("an environment value that is a list or mapping is an error at the value")
    func environmentNestedValue() {
        let found = problems("name: Globex\nenvironment:\n  hosts: [a, b]\n  auth: {user: x}\n")
        #expect(found.map(lineColumn) == ["3:10", "4:9"])
    }

    @Test("a partner member with a role other than viewer is an error", arguments: ["editor", "admin", "owner"])
    func partnersAreViewersOnly(role: String) {
        let found = problems("name: Globex\nmembers:\n  - name: Hank\n    role: \(role)\n")
        #expect(found.count == 1)
        #expect(lineColumn(found.first) == "4:11")
        #expect(found.first?.message.contains("partners are viewers only") == true)
    }

    @Test("the slug comes from the file name and must follow the rule", arguments: [
        ("partners/globex.yaml", true), ("partners/a.yaml", true), ("partners/initech-2.yaml", true),
        ("partners/9lives.yaml", true), ("partners/\(String(repeating: "a", count: 63)).yaml", true),
        ("partners/\(String(repeating: "a", count: 64)).yaml", false),
        ("partners/Globex.yaml", false), ("partners/-globex.yaml", false), ("partners/glo_bex.yaml", false),
        ("partners/globex.yml", false), ("partners/.yaml", false), ("partners/glöbex.yaml", false),
        ("partners/globex corp.yaml", false),
    ])
    func slugRule(path: String, valid: Bool) {
        let found = problems("name: Globex\n", path: path)
        #expect(found.isEmpty == valid)
        if !valid {
            #expect(found.first?.message.contains("^[a-z0-9][a-z0-9-]{0,62}$") == true)
            #expect(found.first?.location?.path == path)
        }
    }

    @Test("a bad file name and bad contents are reported together")
    func slugAndContentProblems() {
        let found = problems("nam: Globex\n", path: "partners/Globex.yaml")
        #expect(found.count == 3)
        #expect(found.first?.message.contains("partner file `Globex.yaml`") == true)
    }

    @Test("unknown keys in a partner file and in a member are errors with suggestions")
    func unknownKeys() {
        let found = problems("name: Globex\nmember:\n  - name: Hank\nenvironment: {}\n")
        #expect(found.count == 1)
        #expect(lineColumn(found.first) == "2:1")
        #expect(found.first?.message.contains("did you mean `members`?") == true)

        let inMember = problems("name: Globex\nmembers:\n  - name: Hank\n    emial: h@globex.example\n")
        #expect(lineColumn(inMember.first) == "4:5")
        #expect(inMember.first?.message.contains("did you mean `email`?") == true)
    }

    @Test("a member needs a name")
    func memberNeedsName() {
        let found = problems("name: Globex\nmembers:\n  - email: h@globex.example\n")
        #expect(found.count == 1)
        #expect(lineColumn(found.first) == "3:5")
    }
}

@Suite("Workspace files: comments/*.yaml")
struct WorkspaceFilesCommentTests {
    @Test("a thread reads with its target and comments; dates keep their text")
    func reads() throws {
        let thread = try CommentThreadReader.read(Data(yaml: """
            target: collections/Payments API/Charges/Create a charge
            thread:
              - author: dana@acme.example
                at: 2024-01-10
                text: Should `amount` be in minor units?
              - author: sam@acme.example
                text: Yes.
            """), path: "comments/charges.yaml")
        #expect(thread.target.value == "collections/Payments API/Charges/Create a charge")
        #expect(thread.target.location == SourceLocation(path: "comments/charges.yaml", line: 1, column: 9))
        #expect(thread.thread.map(\.author) == ["dana@acme.example", "sam@acme.example"])
        #expect(thread.thread.map(\.at) == ["2024-01-10", ""])
        #expect(thread.thread.first?.text == "Should `amount` be in minor units?")
    }

    @Test("problems in a comment file are all reported with positions")
    func problems() {
        let found = thrownDiagnostics {
            _ = try CommentThreadReader.read(Data(yaml: "thread:\n  - author: dana\n    txt: hi\n"), path: "comments/x.yaml")
        }
        #expect(found.map(lineColumn) == ["1:1", "2:5", "3:5"])
        #expect(found.last?.message.contains("did you mean `text`?") == true)
    }
}
