import Foundation
import PorticoRender
#if canImport(Glibc)
import Glibc
#endif

/// Decides the answer to one request: method check, the `/__portico/` live-reload
/// endpoints, then a file from the site root via `SitePathResolver`.
///
/// It is a class only so libmicrohttpd's C callback can reach it through the `cls`
/// pointer; all stored state is immutable or internally locked, so it is safe to call
/// from the server thread while the owner flips `liveReload` or bumps the build id.
final class RequestHandler: Sendable {
    let resolver: SitePathResolver
    let liveReload: LiveReload

    init(resolver: SitePathResolver, liveReload: LiveReload) {
        self.resolver = resolver
        self.liveReload = liveReload
    }

    func respond(method: String, rawPath: String) -> HTTPResponse {
        // HEAD gets the GET answer; libmicrohttpd drops the body but keeps Content-Length.
        guard method == "GET" || method == "HEAD" else {
            return .errorPage(status: 405, title: "405 Method Not Allowed",
                              headers: [.init(name: "Allow", value: "GET, HEAD")])
        }
        if rawPath.hasPrefix("/__portico/") {
            return internalEndpoint(rawPath)
        }
        switch resolver.lookup(rawPath: rawPath) {
        case .file(let path):
            guard let body = Self.readRegularFile(path) else { return notFound(rawPath) }
            return page(status: 200, path: path, body: body)
        case .redirect(let location):
            var response = HTTPResponse.errorPage(status: 301, title: "301 Moved Permanently")
            response.headers.append(.init(name: "Location", value: location))
            return response
        case .notFound:
            if rawPath.removingPercentEncoding?.allSatisfy({ $0 == "/" }) == true, let index = siteIndex() {
                return index
            }
            return notFound(rawPath)
        case .forbidden:
            return .errorPage(status: 403, title: "403 Forbidden")
        case .badRequest:
            return .errorPage(status: 400, title: "400 Bad Request")
        }
    }

    private func internalEndpoint(_ rawPath: String) -> HTTPResponse {
        switch rawPath {
        case LiveReload.buildIDPath:
            return HTTPResponse(status: 200, contentType: ContentType.plainText,
                                body: Array(String(liveReload.currentBuildID).utf8))
        case LiveReload.scriptPath:
            return HTTPResponse(status: 200, contentType: ContentType.javascript,
                                body: Array(LiveReload.script.utf8))
        default:
            return .errorPage(status: 404, title: "404 Not Found")
        }
    }

    /// The `404.html` of the site the path is under (the served root holds one site
    /// folder per partner), else the root's own, else a built-in page.
    private func notFound(_ rawPath: String) -> HTTPResponse {
        var folders = ["/"]
        if let decoded = rawPath.removingPercentEncoding {
            let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
            // Only a path below a folder is "under" it; the resolver refuses `..` and
            // anything leaving the root, so the first segment cannot escape.
            if segments.count > 1, let first = segments.first {
                folders.insert("/" + SitePathResolver.encodeSegment(String(first)) + "/", at: 0)
            }
        }
        for folder in folders {
            if case .file(let path) = resolver.lookup(rawPath: folder + SitePaths.notFound),
               let body = Self.readRegularFile(path) {
                return page(status: 404, path: path, body: NotFoundBase.pin(body, to: folder))
            }
        }
        return .errorPage(status: 404, title: "404 Not Found")
    }

    /// `/` of an output folder (which has no index.html of its own): a list of the
    /// sites the publisher recorded in its manifest that are there to serve. Only the
    /// manifest decides, so a folder Portico did not publish (or the team preview,
    /// never recorded) is never offered.
    private func siteIndex() -> HTTPResponse? {
        guard let manifest = Self.readRegularFile(resolver.root + "/" + Publisher.manifestName) else { return nil }
        let folders = Set(String(decoding: manifest, as: UTF8.self).split(separator: "\n").map(String.init))
            .filter { name in
                // A name that is not one folder here could not be a site of this output.
                guard !name.isEmpty, !name.contains("/"), name != ".", name != ".." else { return false }
                if case .file = resolver.lookup(rawPath: "/" + SitePathResolver.encodeSegment(name) + "/") { return true }
                return false
            }
            .sorted()
        guard !folders.isEmpty else { return nil }
        let items = folders.map { name in
            "<li><a href=\"\(HTMLEscape.attribute(SitePathResolver.encodeSegment(name)))/\">\(HTMLEscape.text(name))</a></li>"
        }
        let html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Portico sites</title></head>
            <body><h1>Portico sites</h1>
            <ul>
            \(items.joined(separator: "\n"))
            </ul>
            </body></html>

            """
        let body = Array(html.utf8)
        return HTTPResponse(status: 200, contentType: ContentType.html,
                            body: liveReload.enabled ? LiveReload.inject(into: body) : body)
    }

    private func page(status: UInt32, path: String, body: [UInt8]) -> HTTPResponse {
        let type = ContentType.forPath(path)
        // Injected on the way out only: the files on disk stay exactly as built.
        let served = ContentType.isHTML(type) && liveReload.enabled ? LiveReload.inject(into: body) : body
        return HTTPResponse(status: status, contentType: type, body: served)
    }

    /// Reads a file, refusing anything that is not a regular file once opened.
    /// O_NONBLOCK + fstat guard against a FIFO swapped in after the lookup, which
    /// would otherwise hang the server thread; O_NOFOLLOW against a symlink swap.
    static func readRegularFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }

        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                return bytes
            } else if errno != EINTR {
                return nil
            }
        }
    }
}
