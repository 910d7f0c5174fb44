import PorticoModel

/// What only the team preview shows: a badge per item saying who sees it, and the
/// comment threads attached to the items they target.
enum PreviewProjection {
    static func info(_ workspace: Workspace, rules: VisibilityRules) -> PreviewInfo {
        let names = Dictionary(workspace.partners.map { ($0.slug, $0.name) }, uniquingKeysWith: { a, _ in a })
        var badges: [String: String] = [:]
        for path in WorkspacePaths.all(workspace) {
            let reach: VisibilityRules.Reach
            if path.first == "docs", let page = workspace.docs.first(where: { ["docs"] + $0.slug.split(separator: "/").map(String.init) == path }) {
                reach = rules.reach(of: path, isInternal: page.isInternal, partners: page.partners.map { Set($0.map(\.value)) })
            } else {
                reach = rules.reach(of: path)
            }
            badges[SelectorPath.string(path)] = VisibilityRules.badge(reach, partnerNames: names)
        }
        var comments: [String: [SiteComment]] = [:]
        for thread in workspace.comments {
            let selector = Selector(thread.target.value)
            let targets = WorkspacePaths.all(workspace).filter { selector.matches($0) }
            for target in targets {
                comments[SelectorPath.string(target), default: []] += thread.thread.map {
                    SiteComment(author: $0.author, at: $0.at, text: $0.text)
                }
            }
        }
        return PreviewInfo(badges: badges, comments: comments)
    }
}
