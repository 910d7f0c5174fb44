import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

/// Loading a whole workspace from a `SourceTree` and the cross-file checks that
/// stop a typo from publishing what it meant to hide.
@Suite("Workspace loader and validator")
struct WorkspaceLoaderTests {
    // MARK: - Inline files

    static func settings(visibility: String = "", extra: String = "") -> String {
        """
        name: Acme Payments
        \(extra)team:
          - name: Dana Rivera
            email: dana@acme.example
            role: admin
        \(visibility)
        """
    }

    static func collection(_ name: String, folders: [String] = ["Charges", "Admin"]) -> String {
        let items = folders.map { folder in
            #"{"name": "\#(folder)", "item": [{"name": "List \#(folder)", "request": {"method": "GET", "url": "https://api.example/\#(folder)"}}]}"#
        }.joined(separator: ",\n")
        return """
            {"info": {"name": "\(name)", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
             "item": [\(items)]}
            """
    }

    static func environment(_ name: String) -> String {
        #"{"name": "\#(name)", "values": [{"key": "base_url", "value": "https://sandbox.example", "enabled": true}]}"#
    }

    static let globex = """
        name: Globex Corporation
        members:
          - name: Hank Scorpio
            email: hank@globex.example
        """

    /// A valid workspace; `changes` replace (or, with nil, remove) files.
    static func tree(_ changes: [String: String?] = [:]) -> SourceTree {
        var files: [String: String] = [
            "portico.yaml": settings(visibility: """
                visibility:
                  internal:
                    - collections/Payments API/Admin
                  partners:
                    environments/Sandbox: [globex]
                """, extra: "default_environment: Sandbox\n"),
            "collections/payments.json": collection("Payments API"),
            "environments/sandbox.json": environment("Sandbox"),
            "partners/globex.yaml": globex,
            "docs/getting-started.md": "# Getting started\n",
        ]
        for (path, text) in changes { files[path] = text }
        return SourceTree(files: files.mapValues { Data($0.utf8) })
    }

    private func problems(_ tree: SourceTree) -> [Diagnostic] {
        thrownDiagnostics { _ = try WorkspaceLoader.load(tree) }
    }

    // MARK: - A good workspace

    @Test("a valid workspace loads with every file in it")
    func validWorkspace() throws {
        let workspace = try WorkspaceLoader.load(Self.tree())
        #expect(workspace.settings.name == "Acme Payments")
        #expect(workspace.collections.map(\.name) == ["Payments API"])
        #expect(workspace.environments.map(\.name) == ["Sandbox"])
        #expect(workspace.defaultEnvironment?.name == "Sandbox")
        #expect(workspace.partners.map(\.slug) == ["globex"])
        #expect(workspace.docs.map(\.slug) == ["getting-started"])
        #expect(WorkspaceValidator.validate(workspace).isEmpty)
    }

    @Test("a folder with no portico.yaml is not a workspace")
    func noSettings() {
        let found = problems(Self.tree(["portico.yaml": nil]))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("portico.yaml") == true)
    }

    // MARK: - Selectors and slugs

    @Test("an unknown partner slug in a visibility rule is an error at the slug")
    func unknownSlugInSelector() throws {
        let settings = Self.settings(visibility: """
            visibility:
              partners:
                collections/Payments API/Charges: [globex, umbrella]
            """)
        let found = problems(Self.tree(["portico.yaml": settings]))
        let problem = try #require(found.first { $0.message.contains("umbrella") })
        #expect(found.count == 1)
        #expect(problem.severity == .error)
        #expect(problem.message.contains("partners/umbrella.yaml"))
        #expect(problem.location?.path == "portico.yaml")
        #expect(problem.location?.line == 8)
    }

    @Test("an unknown partner slug in a docs page's front matter is an error")
    func unknownSlugInFrontMatter() throws {
        let found = problems(Self.tree(["docs/beta.md": "---\npartners: [initech]\n---\n# Beta\n"]))
        let problem = try #require(found.first)
        #expect(found.count == 1)
        #expect(problem.message.contains("initech"))
        #expect(problem.location?.path == "docs/beta.md")
        #expect(problem.location?.line == 2)
    }

    @Test("a selector that matches nothing is an error, so a typo cannot publish what it meant to hide",
          arguments: [
              "collections/Payments API/Admn",
              "collections/Paymets API",
              "collections/Payments API/Admin/Nope",
              "environments/Sandbx",
              "docs/getting_started",
              "collections/*/Missing",
              "collections/Payments API/**/Missing",
          ])
    func selectorMatchingNothing(_ selector: String) throws {
        let settings = Self.settings(visibility: "visibility:\n  internal:\n    - \(selector)\n")
        let found = problems(Self.tree(["portico.yaml": settings]))
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.severity == .error)
        #expect(problem.message.contains("matches nothing"))
        #expect(problem.message.contains(selector))
        #expect(problem.location?.path == "portico.yaml")
        #expect(problem.location?.line == 8)
    }

    @Test("wildcard selectors that match something are accepted", arguments: [
        "collections/*/Admin", "collections/Payments API/**", "collections/**/List Admin", "environments/*", "docs/*",
        "collections/Payments API/Admin/",
    ])
    func wildcardSelectorsMatch(_ selector: String) throws {
        let settings = Self.settings(visibility: "visibility:\n  internal:\n    - \(selector)\n")
        #expect(problems(Self.tree(["portico.yaml": settings])).isEmpty)
    }

    @Test("a selector must start with collections/, environments/ or docs/", arguments: [
        "Payments API/Admin", "collection/Payments API", "**/Admin", "partners/globex",
    ])
    func selectorRoot(_ selector: String) throws {
        // Quoted: a plain YAML scalar cannot start with `*` (that is an alias).
        let settings = Self.settings(visibility: "visibility:\n  internal:\n    - '\(selector)'\n")
        let found = problems(Self.tree(["portico.yaml": settings]))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("must start with") == true)
    }

    @Test("a name with a slash is selected with `\\/`")
    func escapedSlashSelector() throws {
        let settings = Self.settings(visibility: #"""
            visibility:
              internal:
                - collections/Payments API/Refunds\/Disputes
            """#)
        let tree = Self.tree([
            "portico.yaml": settings,
            "collections/payments.json": Self.collection("Payments API", folders: ["Charges", "Refunds/Disputes"]),
        ])
        #expect(problems(tree).isEmpty)
    }

    // MARK: - Names

    @Test("two collections with the same name are an error naming both files")
    func duplicateCollections() throws {
        let tree = Self.tree(["collections/v2/payments-copy.json": Self.collection("Payments API")])
        let found = problems(tree)
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.message.contains("Payments API"))
        // One file is where the error points, the other is named in the message.
        let named = ["collections/payments.json", "collections/v2/payments-copy.json"]
            .filter { problem.location?.path == $0 || problem.message.contains($0) }
        #expect(named.count == 2)
        #expect(problem.location?.path == "collections/v2/payments-copy.json")
    }

    @Test("two environments with the same name are an error")
    func duplicateEnvironments() {
        let found = problems(Self.tree(["environments/sandbox-2.json": Self.environment("Sandbox")]))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("Sandbox") == true)
    }

    @Test("a default_environment that is not an environment is an error that lists the ones there are")
    func defaultEnvironmentMissing() throws {
        let settings = Self.settings(extra: "default_environment: Production\n")
        let found = problems(Self.tree(["portico.yaml": settings, "environments/staging.json": Self.environment("Staging")]))
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.message.contains("Production"))
        #expect(problem.message.contains("Sandbox, Staging"))
        #expect(problem.location?.path == "portico.yaml")
        #expect(problem.location?.line == 2)
    }

    // MARK: - Lock

    @Test("with portico.lock present, multipartner false or missing is an error that says why",
          arguments: ["multipartner: false\n", ""])
    func lockWithoutMultipartner(_ line: String) throws {
        let tree = Self.tree([
            "portico.yaml": Self.settings(extra: line),
            "portico.lock": "multipartner_enabled: 2024-03-01\n",
        ])
        let found = problems(tree)
        #expect(found.count == 1)
        let problem = try #require(found.first)
        #expect(problem.message.contains("2024-03-01"))
        #expect(problem.message.contains("multipartner"))
        #expect(problem.location?.path == "portico.yaml")
    }

    @Test("with portico.lock present and multipartner true, the workspace loads with its lock")
    func lockWithMultipartner() throws {
        let tree = Self.tree([
            "portico.yaml": Self.settings(extra: "multipartner: true\n"),
            "portico.lock": "multipartner_enabled: 2024-03-01\n",
        ])
        let workspace = try WorkspaceLoader.load(tree)
        #expect(workspace.lock?.enabledOn == "2024-03-01")
        #expect(workspace.settings.multipartner)
    }

    @Test("an unreadable portico.lock is an error, not a silent unlock")
    func brokenLock() {
        let tree = Self.tree(["portico.yaml": Self.settings(extra: "multipartner: false\n"), "portico.lock": "garbage\n"])
        let found = problems(tree)
        #expect(found.contains { $0.location?.path == "portico.lock" })
    }

    // MARK: - Comments

    @Test("a comment whose target matches nothing is a warning, and the workspace still loads")
    func commentTargetWarning() throws {
        let tree = Self.tree(["comments/typo.yaml": """
            target: collections/Payments API/Chargs
            thread:
              - author: dana@acme.example
                at: 2024-01-10
                text: Is this right?
            """])
        let workspace = try WorkspaceLoader.load(tree)
        let found = WorkspaceValidator.validate(workspace)
        #expect(found.count == 1)
        #expect(found.first?.severity == .warning)
        #expect(found.first?.location?.path == "comments/typo.yaml")
    }

    // MARK: - Everything at once

    @Test("several broken files give one diagnostic each, all reported together")
    func everyFileReported() {
        let tree = Self.tree([
            "portico.yaml": Self.settings(extra: "visibilty:\n  internal: []\n"),
            "collections/broken.json": #"{"info": {"name": "Broken", "#,
            "environments/broken.json": #"{"name": "Broken"}"#,
            "partners/initech.yaml": "name: Initech\nmembers:\n  - name: Bill\n    role: admin\n",
            "partners/Bad_Slug.yaml": "name: Bad\n",
            "docs/bad.md": "---\nvisibility: secret\n---\nbody\n",
        ])
        let found = problems(tree)
        let paths = Set(found.compactMap { $0.location?.path })
        #expect(paths == ["portico.yaml", "collections/broken.json", "environments/broken.json",
                          "partners/initech.yaml", "partners/Bad_Slug.yaml", "docs/bad.md"])
        #expect(found.allSatisfy { $0.severity == .error })
        #expect(found.contains { $0.message.contains("visibilty") })
        #expect(found.contains { $0.message.contains("viewer") })
    }

    @Test("every cross-file problem is reported together, not just the first")
    func everyValidationProblemReported() {
        let settings = Self.settings(visibility: """
            visibility:
              internal:
                - collections/Nope
                - docs/nope
              partners:
                environments/Sandbox: [umbrella, initech]
            """, extra: "default_environment: Production\n")
        let tree = Self.tree([
            "portico.yaml": settings,
            "collections/copy.json": Self.collection("Payments API"),
            "portico.lock": "multipartner_enabled: 2024-03-01\n",
        ])
        let found = problems(tree)
        let messages = found.map(\.message).joined(separator: "\n")
        for expected in ["collections/Nope", "docs/nope", "umbrella", "initech", "Production", "two collections",
                         "2024-03-01"] {
            #expect(messages.contains(expected), "missing a diagnostic about \(expected)")
        }
        #expect(found.count == 7)
    }

    @Test("diagnostics print compiler style: path:line:column: error: message")
    func diagnosticFormat() throws {
        let settings = Self.settings(visibility: "visibility:\n  internal:\n    - collections/Nope\n")
        let problem = try #require(problems(Self.tree(["portico.yaml": settings])).first)
        #expect(problem.description.hasPrefix("portico.yaml:8:"))
        #expect(problem.description.contains(": error: "))
    }
}
