import Foundation
import PorticoModel

/// What one render of a site produced, kept between builds in watch mode so the
/// next render reuses every page whose inputs did not change. A page is reused
/// only when the site-wide chrome (header, navigation, preview data) is equal and
/// the page's own inputs, captured as a key, are equal.
public final class RenderMemo: @unchecked Sendable {
    struct Entry {
        var key: AnyHashable
        var files: [OutputFile]
    }

    var chrome: AnyHashable?
    var entries: [String: Entry] = [:]
    /// Search index entries as JSON text, by page path.
    var search: [String: (key: SearchEntryKey, json: String)] = [:]

    public init() {}

    /// Paths of the files the last render produced by reusing an earlier page: their
    /// bytes are the same as before.
    public internal(set) var reusedPaths: Set<String> = []
}

/// The inputs every page shares: if any changes, every page is rendered again.
struct ChromeKey: Hashable {
    var workspaceName: String
    var audience: String?
    var collections: [String]
    var docs: [String]
    var environments: [String]
    var preview: PreviewInfo?
}

/// The inputs of a request page besides the chrome.
struct RequestPageKey: Hashable {
    var request: SiteRequest
    var collection: [String]
    var trail: [String]
    var neighbours: [String]
    var environment: String?
}

/// The inputs of a folder page besides the chrome: its own fields and an outline
/// of its children (a folder page lists them, it does not show their details).
struct FolderPageKey: Hashable {
    var name: String
    var description: RichText?
    var auth: SiteAuth?
    var selector: String
    var children: [String]
    var collection: [String]
    var trail: [String]
    var neighbours: [String]

    init(folder: SiteFolder, collection: [String], trail: [String], neighbours: [String]) {
        name = folder.name
        description = folder.description
        auth = folder.auth
        selector = folder.selector
        children = Outline.of(folder.items, depth: 1)
        self.collection = collection
        self.trail = trail
        self.neighbours = neighbours
    }
}

/// The inputs of a collection page besides the chrome: its own fields and the
/// outline of its whole tree (names, slugs, methods), not the requests' details.
struct CollectionPageKey: Hashable {
    var slug: String
    var name: String
    var description: RichText?
    var auth: SiteAuth?
    var selector: String
    var outline: [String]
    var environment: String?

    init(collection c: SiteCollection, environment: String?) {
        slug = c.slug
        name = c.name
        description = c.description
        auth = c.auth
        selector = c.selector
        outline = Outline.of(c.items, depth: .max)
        self.environment = environment
    }
}

/// A flat outline of a tree: what navigation lists show of each item.
enum Outline {
    static func of(_ items: [SiteItem], depth: Int) -> [String] {
        var out: [String] = []
        func walk(_ items: [SiteItem], level: Int) {
            for item in items {
                switch item {
                case .folder(let f):
                    out += ["F\(level)", f.name, f.slug, f.selector, f.items.isEmpty ? "0" : "1"]
                    if level < depth { walk(f.items, level: level + 1) }
                case .request(let r):
                    out += ["R\(level)", r.name, r.slug, r.method, r.selector]
                }
            }
        }
        walk(items, level: 1)
        return out
    }
}
