import Foundation
import PorticoModel

/// The whole workspace as read from disk and validated: settings, partners,
/// collections, environments, docs, comments, theme overrides and assets. Only the
/// projection turns it into what a partner may see.
public struct Workspace: Hashable, Sendable {
    public var settings: WorkspaceSettings
    public var partners: [PartnerFile]
    public var collections: [PostmanCollection]
    public var environments: [PostmanEnvironment]
    public var docs: [DocPage]
    public var comments: [CommentThread]
    /// Theme overrides from `templates/`, by path relative to that folder.
    public var templates: [String: String]
    /// Files from `assets/`, by path relative to that folder.
    public var assets: [OutputFile]
    /// The date multipartner mode was enabled, from `portico.lock`.
    public var lock: LockFile?

    public init(settings: WorkspaceSettings, partners: [PartnerFile] = [], collections: [PostmanCollection] = [],
                environments: [PostmanEnvironment] = [], docs: [DocPage] = [], comments: [CommentThread] = [],
                templates: [String: String] = [:], assets: [OutputFile] = [], lock: LockFile? = nil) {
        self.settings = settings
        self.partners = partners
        self.collections = collections
        self.environments = environments
        self.docs = docs
        self.comments = comments
        self.templates = templates
        self.assets = assets
        self.lock = lock
    }

    public func partner(_ slug: String) -> PartnerFile? {
        partners.first { $0.slug == slug }
    }

    public var defaultEnvironment: PostmanEnvironment? {
        guard let name = settings.defaultEnvironment?.value else { return nil }
        return environments.first { $0.name == name }
    }
}
