import Foundation
import PorticoModel
import PorticoRender
import PorticoWorkspace

/// What the pipeline remembers about one published site between builds in watch
/// mode: its projection (an unchanged site is skipped whole), the render memo
/// (unchanged pages are reused) and the forbidden strings the leak guard used (if
/// they are the same, only re-rendered files need scanning again).
final class SiteState: @unchecked Sendable {
    var projection: PartnerSite?
    var memo: RenderMemo?
    var canaries: [ForbiddenStrings.Canary]?
    /// The bytes of every file of the site, by path, as rendered and scanned.
    var files: [String: Data] = [:]
}
