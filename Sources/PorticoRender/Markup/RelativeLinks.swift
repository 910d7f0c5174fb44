/// What relative URLs in authored text may point at. A docs page can link to other
/// docs pages (written as `other.md`, published as `other.html`) and to the
/// workspace's assets; a description inside a collection has nothing in the site
/// to point at, so its relative links lose their target and relative images go,
/// and no page ships a link that leads nowhere.
public enum RelativeLinks: Sendable, Hashable {
    case keep
    case drop
    case docs

    /// The attributes to write for an element, or nil to drop the element.
    func adjust(_ element: String, _ attributes: [SanitizerPolicy.Attribute]) -> [SanitizerPolicy.Attribute]? {
        guard self != .keep, element == "a" || element == "img" else { return attributes }
        let urlAttribute = element == "a" ? "href" : "src"
        var out: [SanitizerPolicy.Attribute] = []
        for attribute in attributes {
            guard attribute.name == urlAttribute, URLPolicy.check(attribute.value)?.kind == .relative else {
                out.append(attribute)
                continue
            }
            switch self {
            case .keep:
                out.append(attribute)
            case .drop:
                if element == "img" { return nil }
            case .docs:
                out.append((attribute.name, Self.publishedDocLink(attribute.value)))
            }
        }
        return out
    }

    /// `guide.md#intro` → `guide.html#intro`; other relative URLs unchanged.
    static func publishedDocLink(_ url: String) -> String {
        let fragmentStart = url.firstIndex { $0 == "#" || $0 == "?" } ?? url.endIndex
        let path = url[..<fragmentStart]
        guard path.lowercased().hasSuffix(".md") else { return url }
        return String(path.dropLast(3)) + ".html" + url[fragmentStart...]
    }
}
