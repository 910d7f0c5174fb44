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

/// The inputs of a folder page besides the chrome.
struct FolderPageKey: Hashable {
    var folder: SiteFolder
    var collection: [String]
    var trail: [String]
    var neighbours: [String]
}
