import Foundation
import PorticoModel
import PorticoWorkspace

/// The last check before publishing: scans every byte and file name of a site for
/// what its audience must not see (other partners, internal and other-partner-only
/// items, secrets, comments, hidden team emails). Any hit fails the build.
struct LeakGuard: Sendable {
    let workspace: Workspace

    init(workspace: Workspace) {
        self.workspace = workspace
    }

    func check(_ files: [OutputFile], for audience: Audience) -> [Diagnostic] {
        guard audience != .team else { return [] }
        let canaries = ForbiddenStrings.list(workspace, for: audience)
        guard !canaries.isEmpty else { return [] }
        let folder = SiteProjection.folder(for: audience)
        var problems: [Diagnostic] = []
        for file in files {
            let text = String(decoding: file.bytes, as: UTF8.self)
            for variant in TextVariants.all(text) + [file.path, TextVariants.percentDecoded(file.path)] {
                for canary in canaries where variant.contains(canary.text) {
                    problems.append(.error("leak guard: \(folder)/\(file.path) contains \(canary.what) "
                                           + "(`\(canary.text)`); nothing was published"))
                }
            }
            if problems.count > 20 { break }
        }
        return Array(Set(problems)).sorted { $0.message < $1.message }
    }
}
