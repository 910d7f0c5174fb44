import Foundation

/// A Portico workspace in a temporary folder, written from an inline dictionary of files
/// (relative path → contents), with a sibling `out/` folder for the built sites.
struct TestWorkspace: Sendable {
    /// The folder holding `workspace/` and `out/`.
    let folder: URL
    /// The workspace directory (the one holding portico.yaml).
    var root: URL { folder.appendingPathComponent("workspace") }
    /// Where `build()` writes the sites.
    var out: URL { folder.appendingPathComponent("out") }

    init(_ label: String = "ws", files: [String: String]) throws {
        folder = try Scratch.directory(label)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, contents) in files { try write(path, contents) }
    }

    /// Writes (or overwrites) one file, creating its folders.
    func write(_ path: String, _ contents: String) throws {
        try write(path, data: Data(contents.utf8))
    }

    func write(_ path: String, data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    /// Copies an existing file into the workspace at `path`.
    func copy(_ source: URL, to path: String) throws {
        try write(path, data: Data(contentsOf: source))
    }

    func remove(_ path: String) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(path))
    }

    func fileExists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    /// `portico build <workspace> --out <out>`.
    func build(timeout: TimeInterval = 300) async throws -> CommandResult {
        try await PorticoBinary.build(root, out: out, timeout: timeout)
    }

    /// `portico build . --out <out>` run inside the workspace, as a team member would: Portico
    /// names files in diagnostics relative to the working directory, so they read
    /// `portico.yaml:3:1: error: …` rather than with the temporary folder's absolute path.
    func buildFromInside(timeout: TimeInterval = 300) async throws -> CommandResult {
        try await PorticoBinary.run(["build", ".", "--out", out.path], in: root, timeout: timeout)
    }

    /// The built site of one partner.
    func site(_ slug: String) throws -> PartnerSite {
        try PartnerSite(root: out.appendingPathComponent(slug))
    }

    /// Removes the whole folder (kept with `PORTICO_E2E_KEEP=1`).
    func discard() { Scratch.remove(folder) }
}

/// The files of small, valid workspaces, to start a test from.
enum WorkspaceFiles {
    /// A partner as `partners/<slug>.yaml` names it.
    struct Partner: Sendable {
        var slug: String
        var name: String
    }

    static let alpha = Partner(slug: "alpha", name: "Partner Alpha")
    static let beta = Partner(slug: "beta", name: "Partner Beta")

    /// portico.yaml: one admin; `multipartner` left out when nil.
    static func settings(name: String = "E2E Workspace", multipartner: Bool? = true,
                         defaultEnvironment: String? = nil, extra: String = "") -> String {
        var lines = ["name: \(yamlString(name))"]
        if let multipartner { lines.append("multipartner: \(multipartner)") }
        if let defaultEnvironment { lines.append("default_environment: \(yamlString(defaultEnvironment))") }
        lines += ["team:", "  - name: Ada Admin", "    role: admin"]
        return lines.joined(separator: "\n") + "\n" + extra
    }

    /// portico.yaml plus one file per partner.
    static func minimal(name: String = "E2E Workspace", partners: [Partner] = [alpha], multipartner: Bool? = true,
                        defaultEnvironment: String? = nil) -> [String: String] {
        var files = ["portico.yaml": settings(name: name, multipartner: multipartner,
                                              defaultEnvironment: defaultEnvironment)]
        for partner in partners {
            files["partners/\(partner.slug).yaml"] = "name: \(yamlString(partner.name))\n"
        }
        return files
    }

    /// A scalar YAML can read whatever it holds: a JSON string is a YAML double-quoted scalar.
    static func yamlString(_ value: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return String(decoding: (try? encoder.encode(value)) ?? Data("\"\"".utf8), as: UTF8.self)
    }

    /// A small v2.1 collection, `Orders API`: a root request and a folder `Orders` holding two.
    static let ordersCollection = """
        {
          "info": {
            "name": "Orders API",
            "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"
          },
          "item": [
            {"name": "Ping", "request": {"method": "GET", "url": "https://api.example.test/ping"}},
            {
              "name": "Orders",
              "item": [
                {"name": "List orders", "request": {"method": "GET", "url": "https://api.example.test/v1/orders"}},
                {"name": "Create order", "request": {"method": "POST", "url": "https://api.example.test/v1/orders"}}
              ]
            }
          ]
        }

        """
}
