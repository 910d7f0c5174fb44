import Foundation
import PorticoModel
import PorticoWorkspace

/// What one audience must never see, as strings to search for, with what each is.
///
/// The rule against false alarms, in full:
/// - strings shorter than `minimumLength` are not searched for (a partner named "A"
///   would match every page);
/// - names (partner names, member names, slugs, hidden items' names) match as whole
///   words only: the slug `beta` is not found in "alphabet";
/// - a string that could be an ordinary coincidence, one word of letters or a
///   value without any letter (a port, a version), is excused where the audience
///   legitimately sees it in the workspace's own text (an internal folder `Refunds`
///   beside a visible request `Refunds`; a partner `Square` beside "square brackets");
/// - anything else, a multi-word name, an identifier, a URL, an email, a key, is never
///   a coincidence (`Canary.strong`): another partner's "Globex Corporation" in a shared
///   description stops the build as surely as a pasted secret;
/// - a string equal to something the audience owns or is shown as data (its own name,
///   members and values, a visible environment's values, the team) is no leak at all.
enum ForbiddenStrings {
    static let minimumLength = 4

    struct Canary: Hashable {
        var text: String
        var what: String
        /// Searched for even where the audience's own visible text holds it.
        var strong = false
        /// Matched ignoring ASCII letter case: a name or an email written `GLOBEX` or
        /// `Hank@Globex.example` (a template, an asset, a file name) names the same partner.
        var ignoresCase = false
        /// Matched only where no letter or digit is glued to it (names, not values).
        var wholeWord = false
        /// Whether an error message may quote the text. A secret or an environment value
        /// is named by its key instead: build logs are read by more people than the secret.
        var quotable = true
        /// A secret value: not excused even by an equal value shown elsewhere.
        var isSecret = false
        /// Strong, but excused by the default theme's own words: a one-word partner
        /// name written as the name (`Initech`, capitalised) names that partner, unless
        /// the theme itself says it (a partner called "Search").
        var excusedByThemeOnly = false
        /// A hidden item's name, excused where it is part of the name of an item the
        /// audience sees (hidden `Create a settlement`, visible `Create a settlement report`).
        var excusedByVisibleNames = false

        /// How an error message names what leaked.
        var described: String {
            guard quotable else { return what + " (value not shown)" }
            let short = text.count > 60 ? String(text.prefix(57)) + "..." : text
            return what + " (`" + short.replacingOccurrences(of: "\n", with: " ") + "`)"
        }
    }

    /// Whether a string could turn up by coincidence: one word of letters only, or no
    /// letter at all (a number, a version, a date).
    static func couldBeCoincidence(_ text: String) -> Bool {
        text.allSatisfy(\.isLetter) || !text.contains(where: \.isLetter)
    }

    /// A name: whole words, any letter case, strong unless it could be a coincidence.
    static func name(_ text: String, _ what: String) -> Canary {
        Canary(text: text, what: what, strong: !couldBeCoincidence(text), ignoresCase: true, wholeWord: true)
    }

    /// A partner's or member's name: as `name`, and a one-word name that starts with a
    /// capital is also searched for exactly as written. "Initech is still on v1" in a
    /// shared guide names the partner; "square brackets" does not name Square.
    static func personName(_ text: String, _ what: String) -> [Canary] {
        var out = [name(text, what)]
        let t = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if couldBeCoincidence(t), t.first?.isUppercase == true {
            out.append(Canary(text: t, what: what, strong: true, wholeWord: true, excusedByThemeOnly: true))
            // Shouted, it is a name too: `INITECH is on v1`.
            if t.uppercased() != t {
                out.append(Canary(text: t.uppercased(), what: what, strong: true, wholeWord: true, excusedByThemeOnly: true))
            }
        }
        return out
    }

    /// A value (environment, variable): exact, named by its key, strong unless it could be a coincidence.
    static func value(_ text: String, _ what: String) -> Canary {
        Canary(text: text, what: what, strong: !couldBeCoincidence(text), wholeWord: couldBeCoincidence(text),
               quotable: false)
    }

    /// - Parameter items: `namedItems(workspace, for: audience)`, when the caller has
    ///   it already (the guard needs the visible names too; the walk is done once).
    static func list(_ workspace: Workspace, for audience: Audience, items: [NamedItem]? = nil) -> [Canary] {
        let items = items ?? namedItems(workspace, for: audience)
        var out: [Canary] = []
        let slug: String? = if case .partner(let s) = audience { s } else { nil }
        for partner in workspace.partners where partner.slug != slug && slug != nil {
            out += personName(partner.name, "the name of partner \(partner.slug)")
            out.append(name(partner.slug, "the slug of partner \(partner.slug)"))
            for m in partner.members {
                out += personName(m.name, "a member of partner \(partner.slug)")
                if let e = m.email {
                    out.append(Canary(text: e, what: "an email of partner \(partner.slug)", strong: true, ignoresCase: true))
                }
            }
            for (key, v) in partner.environmentPairs {
                out.append(value(v, "the environment value `\(key)` of partner \(partner.slug)"))
            }
        }
        let rules = VisibilityRules(settings: workspace.settings)
        for env in workspace.environments {
            // A secret that is only `{{another}}` holds no secret: the page shows that reference.
            for v in env.values where v.isSecret && !PostmanCredentialPolicy.isPureReference(v.value) {
                // A placeholder secret (`password`, `3600`) is excused where the partner
                // sees that word anyway, like any one-word string; a real one never is.
                out.append(Canary(text: v.value, what: "the secret `\(v.key)` of environment \(env.name)",
                                  strong: !couldBeCoincidence(v.value), wholeWord: couldBeCoincidence(v.value),
                                  quotable: false, isSecret: true))
            }
            if !VisibilityRules.isVisible(rules.reach(of: ["environments", env.name]), to: audience) {
                out.append(Canary(text: env.name, what: "the name of hidden environment \(env.name)", wholeWord: true))
                // An internal environment's values are not another partner's: excused
                // where the partner sees the same text anyway (`application/json`, a public host).
                for v in env.values {
                    out.append(Canary(text: v.value, what: "the value `\(v.key)` of hidden environment \(env.name)",
                                      wholeWord: couldBeCoincidence(v.value), quotable: false))
                }
            }
        }
        // Collection and folder variables of type `secret` stay `{{name}}` like environment secrets.
        for collection in workspace.collections {
            for (key, v) in secretVariables(collection) where !PostmanCredentialPolicy.isPureReference(v) {
                out.append(Canary(text: v, what: "the secret variable `\(key)` of collection \(collection.name)",
                                  strong: !couldBeCoincidence(v), wholeWord: couldBeCoincidence(v),
                                  quotable: false, isSecret: true))
            }
        }
        for thread in workspace.comments {
            for c in thread.thread {
                out.append(Canary(text: c.text, what: "a team comment", strong: !couldBeCoincidence(c.text)))
            }
        }
        if !workspace.settings.showEmail {
            for m in workspace.settings.team {
                if let e = m.email {
                    out.append(Canary(text: e, what: "a team email (show_email is off)", strong: true, ignoresCase: true))
                }
            }
        }
        out += hiddenItems(items)
        let own = ownData(workspace, for: audience, visibleNames: visibleNames(items))
        var kept: [Canary] = []
        var index: [String: Int] = [:]
        for canary in out {
            let t = canary.text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard t.count >= minimumLength, t.utf8.count >= 4 else { continue }
            // A secret is never excused, not even by an equal value shown elsewhere.
            if own.contains(t) && !canary.isSecret { continue }
            let key = canary.excusedByThemeOnly ? "\u{1}" + t : t
            if let i = index[key] {
                // The same text forbidden twice (a team email that is also a comment author): keep the strictest.
                kept[i].strong = kept[i].strong || canary.strong
                kept[i].ignoresCase = kept[i].ignoresCase || canary.ignoresCase
                kept[i].wholeWord = kept[i].wholeWord && canary.wholeWord
                kept[i].quotable = kept[i].quotable && canary.quotable
                kept[i].isSecret = kept[i].isSecret || canary.isSecret
                kept[i].excusedByVisibleNames = kept[i].excusedByVisibleNames && canary.excusedByVisibleNames
                continue
            }
            index[key] = kept.count
            var trimmed = canary
            trimmed.text = t
            kept.append(trimmed)
        }
        return kept
    }

    /// Text the audience owns or is shown as data, so equal to it is no leak: its own
    /// name, members and values (a consultant in two partners, an overlay repeating a
    /// staging URL), the values of the environments it sees, the workspace and the team.
    static func ownData(_ workspace: Workspace, for audience: Audience, visibleNames: [String]) -> Set<String> {
        var own: [String] = [workspace.settings.name] + workspace.settings.team.map(\.name)
        for p in AllowedText.partners(workspace, for: audience) {
            own += [p.name, p.slug] + p.members.flatMap { [$0.name, $0.email ?? ""] } + p.environmentPairs.map(\.value)
        }
        let rules = VisibilityRules(settings: workspace.settings)
        for env in workspace.environments where VisibilityRules.isVisible(rules.reach(of: ["environments", env.name]),
                                                                           to: audience) {
            own += env.values.filter { !$0.isSecret }.map(\.value)
        }
        // The names of the items it sees, and the page names made of them: an internal
        // `List orders` beside a visible `List orders`, a hidden value `payments-api`
        // equal to a visible collection's file name.
        for name in visibleNames {
            own += [name, Slugger.base(name)]
        }
        return Set(own.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
    }

    /// Keys and values of the `secret` variables of a collection and all its folders.
    static func secretVariables(_ collection: PostmanCollection) -> [(key: String, value: String)] {
        var out = collection.variables.filter { $0.type == "secret" }.map { ($0.key, $0.value) }
        func walk(_ items: [PostmanItem]) {
            for case .folder(let f) in items {
                out += f.variables.filter { $0.type == "secret" }.map { ($0.key, $0.value) }
                walk(f.items)
            }
        }
        walk(collection.items)
        return out
    }

    /// A hidden item's name, strong unless it could be a coincidence, and the page
    /// name Portico would make of it (`freeze-a-merchant-account`), which a hand-written
    /// link to its page would carry.
    static func hidden(_ name: String, _ what: String) -> [Canary] {
        var out = [Canary(text: name, what: what, strong: !couldBeCoincidence(name), ignoresCase: true, wholeWord: true,
                          excusedByVisibleNames: true)]
        let slug = Slugger.base(name)
        if slug.contains("-") && slug != name {
            out.append(Canary(text: slug, what: what + ", as a page name", strong: true, wholeWord: true,
                              excusedByVisibleNames: true))
        }
        return out
    }

    /// A collection, folder, request or docs page: its name, how a message names it,
    /// whether the audience sees it, and a docs page's slug.
    struct NamedItem {
        var name: String
        var what: String
        var visible: Bool
        var pageSlug: String?
    }

    /// Every named item of the workspace, with whether the audience sees it.
    static func namedItems(_ workspace: Workspace, for audience: Audience) -> [NamedItem] {
        let rules = VisibilityRules(settings: workspace.settings)
        func sees(_ path: [String]) -> Bool { VisibilityRules.isVisible(rules.reach(of: path), to: audience) }
        var out: [NamedItem] = []
        func walk(_ items: [PostmanItem], path: [String]) {
            for item in items {
                let p = path + [item.name]
                out.append(NamedItem(name: item.name, what: "the name of hidden item \(p.joined(separator: "/"))", visible: sees(p)))
                if case .folder(let f) = item { walk(f.items, path: p) }
            }
        }
        for c in workspace.collections {
            let p = ["collections", c.name]
            out.append(NamedItem(name: c.name, what: "the name of hidden collection \(c.name)", visible: sees(p)))
            walk(c.items, path: p)
        }
        for page in workspace.docs {
            let p = ["docs"] + page.slug.split(separator: "/").map(String.init)
            let reach = rules.reach(of: p, isInternal: page.isInternal, partners: page.partners.map { Set($0.map(\.value)) })
            out.append(NamedItem(name: page.title, what: "the title of hidden page docs/\(page.slug)",
                                 visible: VisibilityRules.isVisible(reach, to: audience), pageSlug: page.slug))
        }
        return out
    }

    /// The names of the collections, folders, requests and docs pages an audience sees.
    static func visibleNames(_ items: [NamedItem]) -> [String] {
        items.filter(\.visible).flatMap { [$0.name] + ($0.pageSlug.map { [$0] } ?? []) }
    }

    /// Names of collections, folders, requests and docs the audience may not see.
    static func hiddenItems(_ items: [NamedItem]) -> [Canary] {
        items.filter { !$0.visible }.flatMap { item -> [Canary] in
            var out = hidden(item.name, item.what)
            if let slug = item.pageSlug, slug.contains("-") || slug.contains("/") {
                out.append(Canary(text: slug, what: "the page name of hidden page docs/\(slug)", strong: true, wholeWord: true))
            }
            return out
        }
    }
}
