import PorticoModel

/// What relative URLs in authored text may point at. A docs page can link to other
/// docs pages (written as `other.md`, published as the page's `.html`) and to the
/// workspace's assets; a description inside a collection has nothing in the site
/// to point at, so its relative links lose their target and relative images go,
/// and no page ships a link that leads nowhere.
public enum RelativeLinks: Sendable, Hashable {
    case keep
    case drop
    /// Links to `.md` files become links to the pages this site holds; a link to a
    /// page the site does not hold (hidden from this reader, or missing) is removed
    /// and its text stays, so the page neither leads nowhere nor names the page.
    case docs(DocLinks)

    /// What to write for an element.
    enum Adjusted {
        case write([SanitizerPolicy.Attribute])
        /// Write the element's children without the element.
        case unwrap
        /// Write nothing of the element.
        case drop
    }

    func adjust(_ element: String, _ attributes: [SanitizerPolicy.Attribute]) -> Adjusted {
        guard self != .keep, element == "a" || element == "img" else { return .write(attributes) }
        let urlAttribute = element == "a" ? "href" : "src"
        var out: [SanitizerPolicy.Attribute] = []
        for attribute in attributes {
            guard attribute.name == urlAttribute, let verdict = URLPolicy.check(attribute.value),
                  verdict.kind == .relative else {
                out.append(attribute)
                continue
            }
            switch self {
            case .keep:
                out.append(attribute)
            case .drop:
                if element == "img" { return .drop }
            case .docs(let links):
                guard element == "a", let target = DocLink.target(of: verdict.url, from: links.folder) else {
                    out.append(attribute)
                    continue
                }
                guard let slug = target.slug, let page = links.targets.paths[slug] else { return .unwrap }
                out.append((attribute.name, SitePaths.href(from: links.page, to: page) + target.suffix))
            }
        }
        return .write(out)
    }
}

/// Where the docs links of one text lead: the folder the text was written in, the
/// page it is published on, and the docs pages of the site being rendered.
public struct DocLinks: Sendable, Hashable {
    /// Workspace folder of the text, against which its links are read: `docs/guides`
    /// for `docs/guides/setup.md`, `""` for the workspace description.
    public var folder: String
    /// Output path of the page the text appears on, for relative hrefs.
    public var page: String
    public var targets: DocTargets

    public init(folder: String, page: String, targets: DocTargets) {
        self.folder = folder
        self.page = page
        self.targets = targets
    }
}

/// The docs pages a site holds: slug → output path. Hashes once, since it is part
/// of the key under which every docs page's HTML is cached.
public struct DocTargets: Sendable, Hashable {
    public let paths: [String: String]
    private let hash: Int

    public init(_ paths: [String: String]) {
        self.paths = paths
        hash = paths.hashValue
    }

    public static func == (a: DocTargets, b: DocTargets) -> Bool { a.hash == b.hash && a.paths == b.paths }
    public func hash(into hasher: inout Hasher) { hasher.combine(hash) }
}
