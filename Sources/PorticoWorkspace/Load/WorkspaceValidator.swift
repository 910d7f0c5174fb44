import PorticoModel

/// Cross-file checks that protect partners from typos: every selector and slug must
/// name something, partner slugs and collection names must be unique, the default
/// environment must exist, and multipartner mode cannot be turned off under a lock.
public enum WorkspaceValidator {
    public static func validate(_ workspace: Workspace) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let settings = workspace.settings
        let paths = WorkspacePaths.all(workspace)
        let slugs = Set(workspace.partners.map(\.slug))

        func checkSelector(_ selector: Located<String>) {
            let parsed = Selector(selector.value)
            guard let root = parsed.root, ["collections", "environments", "docs"].contains(root) else {
                problems.append(.error("selector `\(selector.value)` must start with collections/, environments/ or docs/",
                                       at: selector.location))
                return
            }
            if !paths.contains(where: { parsed.matches($0) }) {
                problems.append(.error("selector `\(selector.value)` matches nothing in the workspace "
                                       + "(a typo here could publish what it meant to hide)"
                                       + SelectorHint.hint(for: parsed, in: paths), at: selector.location))
            }
        }
        func checkSlug(_ slug: Located<String>) {
            if !slugs.contains(slug.value) {
                let known = slugs.sorted()
                let guess = YAMLKeySuggestion.nearest(to: slug.value, in: known).map { "; did you mean `\($0)`?" }
                    ?? (known.isEmpty ? "" : "; the partners are: " + known.prefix(10).joined(separator: ", ")
                        + (known.count > 10 ? ", …" : ""))
                problems.append(.error("unknown partner `\(slug.value)`: there is no partners/\(slug.value).yaml" + guess,
                                       at: slug.location))
            }
        }

        settings.internalSelectors.forEach(checkSelector)
        for entry in settings.partnerSelectors {
            checkSelector(entry.selector)
            entry.partners.forEach(checkSlug)
        }
        for page in workspace.docs { page.partners?.forEach(checkSlug) }

        for (partner, first) in repeats(workspace.partners, key: \.slug, at: \.location) {
            problems.append(.error("a second file for partner `\(partner.slug)` (the other is \(first.path)); "
                                   + "each partner has one file", at: partner.location))
        }
        func shownName(_ partner: PartnerFile) -> String { partner.name.trimmingCharacters(in: .whitespacesAndNewlines) }
        for partner in workspace.partners where shownName(partner).isEmpty {
            problems.append(.error("partner `\(partner.slug)` has an empty name; its site and its people need one",
                                   at: partner.location))
        }
        let named = workspace.partners.filter { !shownName($0).isEmpty }
        for (partner, first) in repeats(named, key: { shownName($0).lowercased() }, at: \.location) {
            problems.append(.error("two partners are named `\(shownName(partner))` (the other is \(first.path)); "
                                   + "partners must be told apart", at: partner.location))
        }
        for (c, first) in repeats(workspace.collections, key: \.name, at: \.location) {
            problems.append(.error("two collections are named `\(c.name)` (the other is \(first.path)); "
                                   + "selectors could not tell them apart", at: c.location))
        }
        for (e, first) in repeats(workspace.environments, key: \.name, at: \.location) {
            problems.append(.error("two environments are named `\(e.name)` (the other is \(first.path)); "
                                   + "selectors could not tell them apart", at: e.location))
        }
        if let wanted = settings.defaultEnvironment, workspace.defaultEnvironment == nil {
            let names = Set(workspace.environments.map(\.name)).sorted().joined(separator: ", ")
            problems.append(.error("default_environment `\(wanted.value)` is not an environment in environments/"
                                   + (names.isEmpty ? "" : " (there are: \(names))"), at: wanted.location))
        }
        for thread in workspace.comments {
            let target = Selector(thread.target.value)
            if !paths.contains(where: { target.matches($0) }) {
                problems.append(.warning("comment target `\(thread.target.value)` matches nothing", at: thread.target.location))
            }
        }
        if settings.multipartner && workspace.partners.isEmpty {
            // Publishing zero sites would also retire every site published before: a
            // renamed or deleted partners/ folder must not take all partners offline.
            problems.append(.error("multipartner is on but there are no partners: add one file per partner, "
                                   + "partners/<slug>.yaml (a folder named exactly `partners`)",
                                   at: settings.multipartnerLocation ?? settings.location))
        }
        if let lock = workspace.lock, !settings.multipartner {
            problems.append(.error("multipartner mode was enabled on \(lock.enabledOn) (portico.lock) and cannot be "
                                   + "turned off: set `multipartner: true` again. Partners of a multipartner workspace "
                                   + "must never see each other; deleting portico.lock by hand is the team's explicit act.",
                                   at: settings.multipartnerLocation ?? settings.location))
        }
        return problems
    }

    /// Each item whose key an earlier item already has, with where that first one is.
    static func repeats<T>(_ items: [T], key: (T) -> String, at location: (T) -> SourceLocation)
        -> [(item: T, first: SourceLocation)] {
        var seen: [String: SourceLocation] = [:]
        var out: [(item: T, first: SourceLocation)] = []
        for item in items {
            if let first = seen[key(item)] { out.append((item, first)) } else { seen[key(item)] = location(item) }
        }
        return out
    }
}
