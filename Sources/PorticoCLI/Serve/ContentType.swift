/// Maps a served file's extension to the `Content-Type` the static server sends.
///
/// The table is deliberately closed: the site generator only emits these kinds of
/// files, and anything else goes out as `application/octet-stream` so a browser
/// never guesses (the server also sends `X-Content-Type-Options: nosniff`).
enum ContentType {
    static let html = "text/html; charset=utf-8"
    static let plainText = "text/plain; charset=utf-8"
    static let javascript = "text/javascript; charset=utf-8"
    static let fallback = "application/octet-stream"

    private static let byExtension: [String: String] = [
        "html": html,
        "htm": html,
        "css": "text/css; charset=utf-8",
        "js": javascript,
        "mjs": javascript,
        "json": "application/json",
        "xml": "application/xml",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "ico": "image/x-icon",
        "txt": plainText,
        "woff2": "font/woff2",
        "pdf": "application/pdf",
    ]

    /// The content type for a file path, judged by its last extension only.
    static func forPath(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return fallback }
        let ext = name[name.index(after: dot)...].lowercased()
        return byExtension[ext] ?? fallback
    }

    /// Whether a body of this type is an HTML page (and so gets the live-reload script).
    static func isHTML(_ contentType: String) -> Bool {
        contentType.hasPrefix("text/html")
    }
}
