import Foundation
import PorticoModel
import Testing
@testable import PorticoWorkspace

/// The real-world collections and environments in ../shared/corpus.
@Suite("Postman reader: the shared corpus", .enabled(if: PostmanTestSupport.sharedAvailable, "\(PostmanTestSupport.skipMessage)"))
struct PostmanReaderCorpusTests {
    typealias T = PostmanTestSupport
    static let v1File = "postmanlabs__newman__multi-level-folders-v1.postman_collection.json"

    @Test("every v2 corpus collection reads, with as many requests as an independent count finds",
          arguments: T.sharedJSONFiles(in: "corpus/collections").filter { $0 != v1File })
    func corpusCollection(file: String) throws {
        let data = try T.sharedFile("corpus/collections/" + file)
        let collection = try PostmanReader.readCollection(data, path: "collections/" + file)
        let reference = try JSONSerialization.jsonObject(with: data)
        #expect(T.requests(in: collection.items).count == Self.countRequests(in: reference))
        #expect(collection.name == ((reference as? [String: Any])?["info"] as? [String: Any])?["name"] as? String)
    }

    @Test("the v1 corpus collection is refused with the v1 message, naming the file")
    func corpusV1() throws {
        let data = try T.sharedFile("corpus/collections/" + Self.v1File)
        let errors = T.errors { _ = try PostmanReader.readCollection(data, path: "collections/" + Self.v1File) }
        #expect(errors.map(\.description) == [
            "collections/\(Self.v1File):1:1: error: this is a Postman Collection v1 file; Portico reads v2.0 and v2.1 — re-export it from Postman as Collection v2.1",
        ])
    }

    @Test("every corpus environment reads, with every value",
          arguments: T.sharedJSONFiles(in: "corpus/environments"))
    func corpusEnvironment(file: String) throws {
        let data = try T.sharedFile("corpus/environments/" + file)
        let environment = try PostmanReader.readEnvironment(data, path: "environments/" + file)
        let reference = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(environment.name == reference?["name"] as? String)
        #expect(environment.values.count == (reference?["values"] as? [Any])?.count)
    }

    @Test("secret-typed corpus environment values are marked secret")
    func corpusSecrets() throws {
        let file = "usebruno__bruno__collection-env.json"
        let environment = try PostmanReader.readEnvironment(try T.sharedFile("corpus/environments/" + file), path: file)
        #expect(environment.values.filter(\.isSecret).count == 1)
    }

    /// Items that have a `request` key, recursively through `item` — counted with
    /// Foundation so the check does not share code with the reader.
    static func countRequests(in object: Any) -> Int {
        guard let items = (object as? [String: Any])?["item"] as? [Any] else { return 0 }
        return items.reduce(0) { count, item in
            guard let item = item as? [String: Any] else { return count }
            return count + (item["request"] != nil ? 1 : 0) + countRequests(in: item)
        }
    }
}
