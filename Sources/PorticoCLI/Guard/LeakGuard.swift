import Foundation
import PorticoModel
import PorticoWorkspace

/// The last check before publishing: scans every byte and file name of a site for
/// what its audience must not see (other partners, internal and other-partner-only
/// items, secrets, comments, hidden team emails), also in decoded forms (HTML
/// entities, percent-encoding, JSON `\u` escapes). Any hit fails the build.
///
/// The rule against false alarms: a forbidden string shorter than four characters
/// is not searched for, and neither is one that the audience's own projected site
/// legitimately contains (say, a request named like an internal folder).
struct LeakGuard: Sendable {
    let workspace: Workspace

    init(workspace: Workspace) {
        self.workspace = workspace
    }

    func check(_ files: [OutputFile], site: PartnerSite, for audience: Audience) -> [Diagnostic] {
        guard audience != .team else { return [] }
        var canaries = ForbiddenStrings.list(workspace, for: audience)
        guard !canaries.isEmpty else { return [] }
        // Drop what the audience may legitimately see: one pass over its own text.
        let allowedHits = CanaryMatcher(canaries.map(\.text)).matches(in: Array(AllowedText.of(site).utf8))
        canaries = canaries.enumerated().filter { !allowedHits.contains($0.offset) }.map(\.element)
        guard !canaries.isEmpty else { return [] }
        let matcher = CanaryMatcher(canaries.map(\.text))
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
                let canary = canaries[hit]
                problems.append(.error("leak guard: \(site.folder)/\(file.path) contains \(canary.what) "
                                       + "(`\(canary.text)`); nothing was published"))
            }
            if problems.count >= 20 { break }
        }
        return problems
    }
}
