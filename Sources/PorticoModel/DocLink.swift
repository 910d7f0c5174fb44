import Foundation

/// What a relative link to a Markdown file in authored text points at. Docs pages
/// link to each other as files (`guide.md`, `../reference/errors.md#codes`); the
/// workspace checks that such a page exists and the renderer links it only when the
/// reader's site holds it. Both read links with this one function so they agree.
public enum DocLink {
    /// A link to a `.md` file, resolved against the folder of the text holding it.
    public struct Target: Hashable, Sendable {
        /// The docs page slug (path under `docs/` without `.md`), or nil when the
        /// file is not under `docs/` and so can never be a page of the site.
        public var slug: String?
        /// `?query#fragment` as written, kept on the published link.
        public var suffix: String
    }

    /// - Parameters:
    ///   - url: the link as written, entity-decoded (percent-encoding is decoded here).
    ///   - folder: the workspace folder of the text: `docs/guides` for
    ///     `docs/guides/setup.md`, `""` for `portico.yaml`.
    /// - Returns: nil when `url` is not a scheme-less link to a `.md` file.
    public static func target(of url: String, from folder: String) -> Target? {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        let suffixStart = trimmed.firstIndex { $0 == "#" || $0 == "?" } ?? trimmed.endIndex
        // Browsers read `\` as `/` in paths; so must we, or `..\runbook.md` slips by.
        let rawPath = trimmed[..<suffixStart].replacingOccurrences(of: "\\", with: "/")
        guard !rawPath.isEmpty, !rawPath.hasPrefix("//"), !rawPath.contains(":") else { return nil }
        let path = rawPath.removingPercentEncoding ?? rawPath
        guard path.lowercased().hasSuffix(".md") else { return nil }
        let suffix = String(trimmed[suffixStart...])

        // `/x.md` reads from the workspace root, as links do in a repository's README.
        var segments: [String] = path.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch part {
            case ".": continue
            case "..":
                if segments.popLast() == nil { return Target(slug: nil, suffix: suffix) }
            default: segments.append(String(part))
            }
        }
        guard segments.count >= 2, segments[0] == "docs", let last = segments.last else {
            return Target(slug: nil, suffix: suffix)
        }
        let name = String(last.dropLast(3))
        guard !name.isEmpty else { return Target(slug: nil, suffix: suffix) }
        return Target(slug: (segments.dropFirst().dropLast() + [name]).joined(separator: "/"), suffix: suffix)
    }

    /// The workspace folder of a docs page: `docs/guides` for the slug `guides/setup`.
    public static func folder(ofDocSlug slug: String) -> String {
        (["docs"] + slug.split(separator: "/").dropLast().map(String.init)).joined(separator: "/")
    }
}
