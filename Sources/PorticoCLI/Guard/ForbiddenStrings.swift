import Foundation
import PorticoModel
import PorticoWorkspace

/// What one audience must never see, as strings to search for, with what each is.
/// Strings shorter than `minimumLength` are skipped (a partner named "A" cannot be
/// searched for without matching every page), and so is any string the audience
/// may legitimately see elsewhere (a request named like an internal folder).
enum ForbiddenStrings {
    static let minimumLength = 4

    struct Canary: Hashable {
        var text: String
        var what: String
        /// Searched for even where the audience's own visible text holds it. An email
        /// address or a secret value is never a coincidence: a team email pasted into
        /// a visible description, or a live key in a saved example, is a leak.
        var strong = false
        /// Matched ignoring ASCII letter case: a name or an email written `GLOBEX` or
        /// `Hank@Globex.example` (a template, an asset, a file name) names the same partner.
        var ignoresCase = false
    }

    static func list(_ workspace: Workspace, for audience: Audience) -> [Canary] {
        var out: [Canary] = []
        let slug: String? = if case .partner(let s) = audience { s } else { nil }
        for partner in workspace.partners where partner.slug != slug && slug != nil {
            out.append(Canary(text: partner.name, what: "the name of partner \(partner.slug)", ignoresCase: true))
            out.append(Canary(text: partner.slug, what: "another partner's slug", ignoresCase: true))
            for m in partner.members {
                out.append(Canary(text: m.name, what: "a member of partner \(partner.slug)", ignoresCase: true))
                if let e = m.email {
                    out.append(Canary(text: e, what: "an email of partner \(partner.slug)", strong: true, ignoresCase: true))
                }
            }
            for (_, value) in partner.environmentPairs {
                out.append(Canary(text: value, what: "an environment value of partner \(partner.slug)"))
            }
        }
        let rules = VisibilityRules(settings: workspace.settings)
        for env in workspace.environments {
            for v in env.values where v.isSecret {
                out.append(Canary(text: v.value, what: "a secret value of environment \(env.name)", strong: true))
            }
            if !VisibilityRules.isVisible(rules.reach(of: ["environments", env.name]), to: audience) {
                out.append(Canary(text: env.name, what: "the name of hidden environment \(env.name)"))
                for v in env.values {
                    out.append(Canary(text: v.value, what: "a value of hidden environment \(env.name)"))
                }
            }
        }
        // Collection and folder variables of type `secret` stay `{{name}}` like environment secrets.
        for collection in workspace.collections {
            for v in secretVariables(collection) {
                out.append(Canary(text: v, what: "a secret variable of collection \(collection.name)", strong: true))
            }
        }
        for thread in workspace.comments {
            for c in thread.thread { out.append(Canary(text: c.text, what: "a team comment")) }
        }
        if !workspace.settings.showEmail {
            for m in workspace.settings.team {
                if let e = m.email {
                    out.append(Canary(text: e, what: "a team email (show_email is off)", strong: true, ignoresCase: true))
                }
            }
        }
        if let slug {
            out += hiddenItems(workspace, for: .partner(slug))
        } else {
            out += hiddenItems(workspace, for: audience)
        }
        // The audience's own name, members and environment values are its own, even when
        // another partner or a hidden environment happens to share one (a consultant in
        // two partners, an overlay repeating a staging URL).
        let own = Set(AllowedText.partners(workspace, for: audience).flatMap { p in
            [p.name, p.slug] + p.members.flatMap { [$0.name, $0.email ?? ""] } + p.environmentPairs.map(\.value)
        }.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        var kept: [Canary] = []
        var index: [String: Int] = [:]
        for canary in out {
            let t = canary.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard t.count >= minimumLength, t.utf8.count >= 4, !own.contains(t) else { continue }
            if let i = index[t] {
                // The same text forbidden twice (a team email that is also a comment author): keep the strictest.
                kept[i].strong = kept[i].strong || canary.strong
                kept[i].ignoresCase = kept[i].ignoresCase || canary.ignoresCase
                continue
            }
            index[t] = kept.count
            kept.append(Canary(text: t, what: canary.what, strong: canary.strong, ignoresCase: canary.ignoresCase))
        }
        return kept
    }

    /// Values of the `secret` variables of a collection and all its folders.
    static func secretVariables(_ collection: PostmanCollection) -> [String] {
        var out = collection.variables.filter { $0.type == "secret" }.map(\.value)
        func walk(_ items: [PostmanItem]) {
            for case .folder(let f) in items {
                out += f.variables.filter { $0.type == "secret" }.map(\.value)
                walk(f.items)
            }
        }
        walk(collection.items)
        return out
    }

    /// Names of collections, folders, requests and docs the audience may not see.
    static func hiddenItems(_ workspace: Workspace, for audience: Audience) -> [Canary] {
        let rules = VisibilityRules(settings: workspace.settings)
        var out: [Canary] = []
        func walk(_ items: [PostmanItem], path: [String]) {
            for item in items {
                let p = path + [item.name]
                if !VisibilityRules.isVisible(rules.reach(of: p), to: audience) {
                    out.append(Canary(text: item.name, what: "the name of hidden item \(p.joined(separator: "/"))"))
                }
                if case .folder(let f) = item { walk(f.items, path: p) }
            }
        }
        for c in workspace.collections {
            let p = ["collections", c.name]
            if !VisibilityRules.isVisible(rules.reach(of: p), to: audience) {
                out.append(Canary(text: c.name, what: "the name of hidden collection \(c.name)"))
            }
            walk(c.items, path: p)
        }
        for page in workspace.docs {
            let p = ["docs"] + page.slug.split(separator: "/").map(String.init)
            let reach = rules.reach(of: p, isInternal: page.isInternal, partners: page.partners.map { Set($0.map(\.value)) })
            if !VisibilityRules.isVisible(reach, to: audience) {
                out.append(Canary(text: page.title, what: "the title of hidden page docs/\(page.slug)"))
            }
        }
        return out
    }
}
