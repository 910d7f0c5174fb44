import Foundation
import PorticoModel

/// Where each page of a site lives and how pages link to each other. Every link is
/// relative, so a site works from `file://`, from a sub-path and on any static host.
public enum SitePaths {
    public static let overview = "index.html"
    public static let team = "team.html"
    public static let search = "search.html"
    public static let searchIndex = "search-index.js"
    public static let notFound = "404.html"
    public static let environments = "environments.html"
    /// Written into the team preview only: marks its folder as a preview, so the
    /// publisher never puts a partner site there, nor the preview over anything else.
    public static let previewMarker = ".portico-preview"

    public static func collection(_ c: SiteCollection) -> String { "c/\(c.slug)/index.html" }
    public static func item(_ slug: String, in c: SiteCollection) -> String { "c/\(c.slug)/\(slug).html" }
    public static func doc(_ d: SiteDoc) -> String {
        "docs/" + d.slug.split(separator: "/").map { FileNames.safe(String($0)) }.joined(separator: "/") + ".html"
    }
    public static func collectionDownload(_ c: SiteCollection) -> String { "downloads/\(c.slug).postman_collection.json" }
    public static func environmentDownload(_ e: SiteEnvironment) -> String {
        "downloads/\(FileNames.safe(e.name)).postman_environment.json"
    }

    /// The prefix that leads from a page back to the site root (`../../` for `c/x/y.html`).
    public static func root(from page: String) -> String {
        // Counted in UTF-8: a `/` followed by a combining character is one Character.
        String(repeating: "../", count: page.utf8.filter { $0 == UInt8(ascii: "/") }.count)
    }

    /// The URL path of the site's folder on its host, ending in `/` (`/partners/globex/`
    /// for base_url `https://docs.acme.example/partners`, which holds every site folder,
    /// as in the sitemap); nil without a usable base_url, when the path is unknown.
    public static func siteURLPath(_ site: PartnerSite) -> String? {
        guard let base = site.baseURL, let url = URL(string: base), url.scheme != nil else { return nil }
        var path = url.path
        if !path.hasSuffix("/") { path += "/" }
        return percentEncode(path) + percentEncode(site.folder) + "/"
    }

    /// A relative href from one page to another file of the site, percent-encoded.
    public static func href(from page: String, to target: String) -> String {
        root(from: page) + percentEncode(target)
    }

    static let unreserved: CharacterSet = {
        var set = CharacterSet()
        set.insert(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/")
        return set
    }()

    public static func percentEncode(_ path: String) -> String {
        path.addingPercentEncoding(withAllowedCharacters: unreserved) ?? path
    }
}

/// File-name safety for names that are not already slugs (docs paths, environment names).
enum FileNames {
    static func safe(_ name: String) -> String {
        var out = ""
        for scalar in name.precomposedStringWithCanonicalMapping.lowercased().unicodeScalars {
            let p = scalar.properties
            if scalar.isASCII ? (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_")
                : (p.isAlphabetic || p.numericType != nil) {
                out.unicodeScalars.append(scalar)
            } else if !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        while out.hasPrefix("-") { out.removeFirst() }
        if out.isEmpty { out = "file" }
        return String(out.prefix(60))
    }
}
