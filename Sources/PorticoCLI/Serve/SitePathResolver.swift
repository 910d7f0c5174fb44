import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turns a raw request path into a file inside the served root, or refuses it.
///
/// The path arrives still percent-encoded (the server disables libmicrohttpd's own
/// unescaping) so it is decoded exactly once, here, and every check runs on the
/// decoded form. Containment is decided on the `realpath` of the target, so a
/// symlink inside the site that points outside of it is refused like `..` is.
struct SitePathResolver: Sendable {
    /// What a request path names.
    enum Lookup: Equatable, Sendable {
        /// A regular file inside the root, as a canonical absolute path.
        case file(String)
        /// A folder requested without its trailing slash; the value is the `Location`.
        case redirect(String)
        case notFound
        /// Traversal, NUL, backslash, or a symlink leading outside the root.
        case forbidden
        /// Malformed percent-encoding or a path that does not start with `/`.
        case badRequest
    }

    /// Canonical (symlink-free) absolute path of the served folder, without a trailing slash.
    let root: String

    init(root: URL) throws {
        guard let canonical = Self.realPath(root.path), Self.isDirectory(canonical) else {
            throw StaticServerError.rootNotADirectory(root.path)
        }
        // realpath("/") is "/", every other result has no trailing slash.
        self.root = canonical == "/" ? "" : canonical
    }

    func lookup(rawPath: String) -> Lookup {
        guard rawPath.hasPrefix("/") else { return .badRequest }
        guard let decoded = rawPath.removingPercentEncoding else { return .badRequest }
        // Checked after decoding so `%00`, `%5c` and `%2e%2e` cannot sneak past.
        if decoded.contains("\0") || decoded.contains("\\") { return .forbidden }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return .forbidden }
        // Portico publishes no hidden files; the ones beside the sites are its own
        // bookkeeping (`.portico-sites` names every partner's folder), never a page.
        if segments.contains(where: { $0.hasPrefix(".") }) { return .notFound }

        let candidate = segments.isEmpty ? rootOrSlash : root + "/" + segments.joined(separator: "/")
        guard let resolved = Self.realPath(candidate) else { return .notFound }
        guard isInsideRoot(resolved) else { return .forbidden }

        if Self.isDirectory(resolved) {
            guard decoded.hasSuffix("/") else {
                // Rebuilt from the clean segments, never echoed from the request, so a
                // path like `//evil.example` cannot turn into an off-site redirect.
                return .redirect("/" + segments.map(Self.encodeSegment).joined(separator: "/") + "/")
            }
            // index.html may itself be a symlink, so it gets the same containment check.
            guard let index = Self.realPath(resolved + "/index.html") else { return .notFound }
            guard isInsideRoot(index) else { return .forbidden }
            return Self.isRegularFile(index) ? .file(index) : .notFound
        }
        // `/page.html/` names a file as if it were a folder; relative links would break.
        if decoded.hasSuffix("/") && !segments.isEmpty { return .notFound }
        return Self.isRegularFile(resolved) ? .file(resolved) : .notFound
    }

    private var rootOrSlash: String { root.isEmpty ? "/" : root }

    private func isInsideRoot(_ path: String) -> Bool {
        path == rootOrSlash || path.hasPrefix(root + "/")
    }

    static func encodeSegment(_ segment: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/;")
        return segment.addingPercentEncoding(withAllowedCharacters: allowed) ?? segment
    }

    static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }
}
