import Foundation
import PorticoModel
import PorticoWorkspace

/// The last check before publishing: scans every byte and file name of a site for
/// what its audience must not see (other partners, internal and other-partner-only
/// items, secrets, comments, hidden team emails), also in decoded forms (HTML
/// entities, percent-encoding, JSON `\u` escapes). Any hit fails the build.
///
/// The rule against false alarms is `ForbiddenStrings`'s: short strings are skipped,
/// names match whole words, and a string that could be a coincidence (one word, a
/// number) is excused where the audience legitimately sees it (say, a request named
/// like an internal folder, or a folder named like the theme's "Overview"). What the
/// audience may see is worked out from the workspace and the visibility rules
/// (`AllowedText`), not from the projected site, so a projection fault cannot excuse
/// itself. Multi-word names, identifiers, emails and secret values are never excused
/// by free text (`Canary.strong`).
struct LeakGuard: Sendable {
    let workspace: Workspace
    let allowedText: AllowedText

    init(workspace: Workspace) {
        self.workspace = workspace
        allowedText = AllowedText(workspace)
    }

    func check(_ files: [OutputFile], site: PartnerSite, for audience: Audience) -> [Diagnostic] {
        check(files, site: site, canaries: canaries(site: site, for: audience))
    }

    /// What one audience's site is searched for: the forbidden strings after the
    /// false-alarm rule. Depends on the workspace and the audience only (`site` names
    /// the folder), so it stays the same between builds while they do.
    func canaries(site: PartnerSite, for audience: Audience) -> [ForbiddenStrings.Canary] {
        guard audience != .team else { return [] }
        let items = ForbiddenStrings.namedItems(workspace, for: audience)
        let canaries = ForbiddenStrings.list(workspace, for: audience, items: items)
        guard !canaries.isEmpty else { return [] }
        // Drop what the audience may legitimately see: one pass over its own text, one
        // over the theme's words.
        let matcher = Self.matcher(canaries)
        let allowed = Array(allowedText.text(for: audience).utf8)
        // Raw bodies keep their JSON escapes (`normal.\nLedger`): read them decoded too.
        var workspaceHits = matcher.matches(in: allowed)
        if allowed.contains(TextVariants.backslash) {
            workspaceHits.formUnion(matcher.matches(in: TextVariants.jsonDecoded(allowed)))
        }
        let themeHits = matcher.matches(in: Self.defaultThemeBytes)
        let visibleNames = ForbiddenStrings.visibleNames(items)
        let namesHits = matcher.matches(in: Array((visibleNames + visibleNames.map(Slugger.base)).joined(separator: "\u{1F}").utf8))
        return canaries.enumerated().filter { offset, canary in
            if themeHits.contains(offset) { return canary.strong && !canary.excusedByThemeOnly }
            if canary.excusedByVisibleNames && namesHits.contains(offset) { return false }
            return canary.strong || !workspaceHits.contains(offset)
        }.map(\.element)
    }

    func check(_ files: [OutputFile], site: PartnerSite, canaries: [ForbiddenStrings.Canary]) -> [Diagnostic] {
        guard !canaries.isEmpty else { return [] }
        let matcher = Self.matcher(canaries)
        var problems: [Diagnostic] = []
        for file in files {
            var hits = Set<Int>()
            let bytes = [UInt8](file.bytes)
            hits.formUnion(matcher.matches(in: bytes))
            for variant in TextVariants.decoded(bytes) {
                hits.formUnion(matcher.matches(in: variant))
            }
            hits.formUnion(matcher.matches(in: Array((file.path + "\n" + TextVariants.percentDecoded(file.path)).utf8)))
            for hit in hits.sorted() {
                problems.append(.error("leak guard: \(site.folder)/\(file.path) contains \(canaries[hit].described)"))
            }
            if problems.count >= 20 { break }
        }
        if !problems.isEmpty {
            problems.append(.error("leak guard: \(site.folder) must not show what is listed above; nothing was "
                                   + "published (see \"What partners can and cannot see\" in the README)"))
        }
        return problems
    }

    /// The default theme's own words ("Overview", "Team", "Download this collection"):
    /// they are Portico's, not the workspace's, so an internal folder named `Overview`
    /// is no leak on every page. Workspace overrides in `templates/` are not included:
    /// literal text the team writes into a template reaches every site unfiltered.
    static let defaultThemeText: String = {
        guard let dir = DefaultTheme.directory() else { return "" }
        return DefaultTheme.files(in: dir).sorted { $0.key < $1.key }.map(\.value).joined(separator: "\u{1F}")
    }()

    static let defaultThemeBytes = Array(defaultThemeText.utf8)

    static func matcher(_ canaries: [ForbiddenStrings.Canary]) -> CanaryMatcher {
        CanaryMatcher(canaries.map(\.text), ignoringCase: canaries.map(\.ignoresCase),
                      wholeWords: canaries.map(\.wholeWord))
    }
}
