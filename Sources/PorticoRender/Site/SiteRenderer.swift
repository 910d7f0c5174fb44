import Foundation
import PorticoModel

/// `PartnerSite → [OutputFile]`: every page, download, search index and asset of
/// one site. It sees only the `PartnerSite` it is given.
public struct SiteRenderer: Sendable {
    public let theme: Theme
    let markup: MarkupCache

    public init(theme: Theme) {
        self.theme = theme
        self.markup = MarkupCache()
    }

    public func render(_ site: PartnerSite) throws -> [OutputFile] {
        try render(site, previous: nil, memo: RenderMemo())
    }

    /// Renders a site, reusing pages of `previous` whose inputs are unchanged;
    /// `memo` receives this render's pages for the next call.
    public func render(_ site: PartnerSite, previous: RenderMemo?, memo: RenderMemo) throws -> [OutputFile] {
        // The workspace's theme overrides are laid over the default theme once per
        // build by the caller (`Theme.overlay`), so a broken override is reported
        // before any site is rendered.
        var pages = PageWriter(site: site, theme: theme, markup: markup, previous: previous, memo: memo)
        pages.writeAll()
        return pages.files
    }
}

extension Theme {
    /// The theme with files of the same name replaced.
    public static func overlay(_ base: Theme, _ files: [String: String]) throws -> Theme {
        var theme = base
        let extra = try Theme.from(files: files, requireAll: false)
        theme.templates.merge(extra.templates) { _, new in new }
        for asset in extra.assets {
            theme.assets.removeAll { $0.path == asset.path }
            theme.assets.append(asset)
        }
        return theme
    }
}
