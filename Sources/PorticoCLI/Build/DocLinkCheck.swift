import PorticoModel
import PorticoRender
import PorticoWorkspace

/// Finds links in docs pages (and the workspace description) to `.md` pages that do
/// not exist in the workspace. Such a link is removed from every site, like a link
/// to a page hidden from the reader, so it is a warning the team should fix rather
/// than an error that stops publishing. Links to pages that exist but are hidden
/// from some partners are fine: those partners simply do not get the link.
enum DocLinkCheck {
    static func warnings(_ workspace: Workspace) -> [Diagnostic] {
        let slugs = Set(workspace.docs.map(\.slug))
        var out: [Diagnostic] = []
        func check(_ markdown: String, folder: String, at place: (MarkdownLinks.Link) -> SourceLocation) {
            for link in MarkdownLinks.links(in: markdown) {
                guard let target = DocLink.target(of: link.url, from: folder) else { continue }
                if let slug = target.slug, slugs.contains(slug) { continue }
                let what = target.slug.map { "there is no docs/\($0).md" } ?? "it is not a page under docs/"
                out.append(.warning("link to `\(link.url)` leads nowhere (\(what)); it is left out of the sites, "
                                    + "its text stays", at: place(link)))
            }
        }
        for page in workspace.docs {
            check(page.body, folder: DocLink.folder(ofDocSlug: page.slug)) { link in
                SourceLocation(path: page.location.path, line: page.bodyLine + link.line - 1, column: link.column)
            }
        }
        let settings = workspace.settings
        if let description = settings.description {
            // The description's own lines are not tracked inside the YAML value; point at the value.
            check(description, folder: "") { _ in settings.descriptionLocation ?? SourceLocation(path: settings.location.path) }
        }
        return out
    }
}
