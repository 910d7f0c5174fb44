import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

/// The regression cases in ../shared/cases, checked at the reading stage.
@Suite("Postman reader: regression cases", .enabled(if: PostmanTestSupport.sharedAvailable, "\(PostmanTestSupport.skipMessage)"))
struct PostmanReaderCaseTests {
    typealias T = PostmanTestSupport

    private func read(_ caseFile: String) throws -> PostmanCollection {
        try PostmanReader.readCollection(try T.sharedFile("cases/" + caseFile), path: "collections/" + caseFile)
    }

    private func request(_ collection: PostmanCollection, _ name: String) throws -> PostmanRequestItem {
        try #require(T.requests(in: collection.items).first { $0.name == name })
    }

    @Test("B22: the v2.0.0 collection reads with string URLs and object-shaped auth")
    func b22v20() throws {
        let collection = try read("B22-format-versions/collection.json")
        #expect(collection.schemaVersion == "2.0.0")
        #expect(collection.auth == PostmanAuth(type: "basic", parameters: [
            PostmanKeyValue(key: "username", value: "{{user}}"),
            PostmanKeyValue(key: "password", value: "{{password}}"),
            PostmanKeyValue(key: "showPassword", value: "false", type: "boolean"),
        ]))
        let ping = try request(collection, "Ping")
        #expect(ping.request.url?.raw == "https://api.example.test/ping?verbose=1")
        #expect(ping.request.url?.query == [PostmanKeyValue(key: "verbose", value: "1")])
        #expect(ping.request.description?.text.contains("MARK-B22-1") == true)
        let create = try request(collection, "Create order")
        #expect(create.request.body == .raw(text: #"{"sku": "A-1", "qty": 2}"#, language: nil))
        #expect(create.request.auth == PostmanAuth(type: "bearer", parameters: [PostmanKeyValue(key: "token", value: "{{orderToken}}")]))
        #expect(try request(collection, "List orders").request.auth == nil)
        guard case .folder(let folder) = collection.items[1] else { Issue.record("no folder"); return }
        #expect(folder.description?.text.contains("MARK-B22-F1") == true)
    }

    @Test("B22: the v1 file and the environment placed among collections are refused with their own messages",
          arguments: [
            ("collection-v1.json", "this is a Postman Collection v1 file; Portico reads v2.0 and v2.1 — re-export it from Postman as Collection v2.1"),
            ("not-a-collection.json", "not-a-collection.json is a Postman environment, not a collection; move it to environments/"),
          ])
    func b22Refused(file: String, message: String) throws {
        let errors = T.errors { _ = try read("B22-format-versions/" + file) }
        #expect(errors.map(\.description) == ["collections/B22-format-versions/\(file):1:1: error: \(message)"])
    }

    @Test("B09: object, string and null descriptions with their formats")
    func b09() throws {
        let collection = try read("B09-description-object/collection.json")
        #expect(collection.description?.format == .markdown)
        #expect(collection.description?.text.hasPrefix("# Welcome") == true)
        guard case .folder(let folder) = collection.items.first else { Issue.record("no folder"); return }
        #expect(folder.description?.format == .plain)
        let requests = T.requests(in: collection.items)
        #expect(requests.map(\.request.description?.format) == [.markdown, .markdown, .markdown, nil])
        #expect(requests[0].request.description?.text.contains("MARK-B09-REQ1") == true)
        #expect(requests[0].request.headers.first?.description == RichText("Region header, object form. MARK-B09-HEADER", format: .plain))
        #expect(requests[0].request.url?.query.first?.description?.text.contains("MARK-B09-QUERY") == true)
    }

    @Test("B10: path variables keep empty values and descriptions; literal colons stay in segments")
    func b10() throws {
        let collection = try read("B10-path-variables/collection.json")
        let line = try request(collection, "Get order line").request.url
        #expect(line?.variables.map(\.key) == ["orderId", "itemId"])
        #expect(line?.variables.map(\.value) == ["", "42"])
        #expect(line?.variables.first?.description?.text.contains("MARK-B10-ORDERID") == true)
        #expect(try request(collection, "Time slot with colon in literal text").request.url?.path == ["slots", "10:30", "rooms", ":roomId"])
        #expect(try request(collection, "Undeclared path variable").request.url?.variables.isEmpty == true)
    }

    @Test("B13: collection, folder and disabled variables, including a key given as id")
    func b13() throws {
        let collection = try read("B13-collection-variables/collection.json")
        #expect(collection.variables.count == 8)
        #expect(collection.variables.first { $0.key == "legacyKey" }?.value == "from-id-field")
        #expect(collection.variables.first { $0.key == "retiredVar" }?.disabled == true)
        guard case .folder(let folder) = collection.items.first else { Issue.record("no folder"); return }
        #expect(folder.variables == [PostmanVariable(key: "resource", value: "invoices", type: "string")])
        let ping = try request(collection, "Ping status host").request.url
        #expect(ping?.protocol == "{{scheme}}" && ping?.port == "{{port}}" && ping?.host == ["{{hostName}}"])
    }

    @Test("B14: auth at collection, folder and request level; inherit is nil")
    func b14() throws {
        let collection = try read("B14-inherited-auth/collection.json")
        #expect(collection.auth?.type == "bearer")
        #expect(try request(collection, "List widgets").request.auth == nil)
        #expect(try request(collection, "Rotate keys").request.auth?.type == "basic")
        let folders = collection.items.compactMap { item -> PostmanFolder? in
            if case .folder(let folder) = item { return folder } else { return nil }
        }
        #expect(folders.first { $0.name == "Admin" }?.auth?.parameters.map(\.key) == ["key", "value", "in"])
    }

    @Test("B16: the NTLM, basic and noauth blocks read; secrets stay references in the model")
    func b16() throws {
        let collection = try read("B16-secret-leak/collection.json")
        #expect(collection.auth?.parameters.first { $0.key == "password" }?.value == "{{svcPassword}}")
        #expect(try request(collection, "Legacy NTLM report").request.auth?.type == "ntlm")
        let token = try request(collection, "Token exchange")
        #expect(token.request.auth == PostmanAuth(type: "noauth"))
        #expect(token.responses.first?.originalRequest?.body == .urlencoded([PostmanKeyValue(key: "client_secret", value: "{{clientSecret}}")]))
        let environment = try PostmanReader.readEnvironment(try T.sharedFile("cases/B16-secret-leak/environment.json"), path: "environments/e.json")
        #expect(environment.values.filter(\.isSecret).map(\.key) == ["svcPassword", "apiKey", "ntlmPassword", "clientSecret", "audience"])
    }

    @Test("B19: raw bodies keep their language; the legacy body has none")
    func b19() throws {
        let collection = try read("B19-raw-body-languages/collection.json")
        let languages = T.requests(in: collection.items).map { item -> String? in
            if case .raw(_, let language)? = item.request.body { return language } else { return "not raw" }
        }
        #expect(languages == ["xml", "text", "html", "javascript", "json", "json", nil, "xml"])
    }

    @Test("B23: every URL and request shape reads, in order A to H")
    func b23() throws {
        let collection = try read("B23-url-shapes/collection.json")
        let requests = T.requests(in: collection.items).map(\.request)
        #expect(requests.map(\.method) == ["GET", "GET", "GET", "GET", "GET", "OPTIONS", "GET", "POST"])
        #expect(requests.map { $0.url?.raw ?? $0.url?.assembledRaw } == [
            "https://api.example.test/v1/ping?x=1&y=two",
            "https://api.example.test/v1/widgets?limit=5",
            "https://api.example.test/v1/things",
            "https://api.example.test:8443/v1/report?flag&empty=#section-2",
            "https://api.example.test/v1/shortcut",
            nil,
            "http://[::1]:8080/v1/files/report%202024.pdf",
            "api.example.test/v1/lower",
        ])
        #expect(requests[3].url?.query == [PostmanKeyValue(key: "flag", value: nil), PostmanKeyValue(key: "empty", value: "")])
        #expect(requests[3].url?.hash == "section-2")
    }

    @Test("every collection in the regression cases reads", arguments: Self.caseCollections())
    func allCases(file: String) throws {
        _ = try read(file)
    }

    static func caseCollections() -> [String] {
        let root = PostmanTestSupport.sharedDirectory.appendingPathComponent("cases")
        let folders = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted()
        return folders.compactMap { folder in
            FileManager.default.fileExists(atPath: root.appendingPathComponent(folder + "/collection.json").path)
                ? folder + "/collection.json" : nil
        }
    }
}
