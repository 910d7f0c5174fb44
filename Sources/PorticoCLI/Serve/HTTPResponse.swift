/// A finished HTTP answer in plain Swift values, built by `RequestHandler` and handed
/// to libmicrohttpd by `MicroHTTPDBridge`.
///
/// Keeping responses as values (rather than building MHD objects while deciding)
/// lets the routing logic stay free of C pointers and be reasoned about on its own.
struct HTTPResponse: Sendable, Equatable {
    var status: UInt32
    var headers: [Header]
    var body: [UInt8]

    /// One response header; order is preserved as given.
    struct Header: Sendable, Equatable {
        var name: String
        var value: String
    }

    init(status: UInt32, contentType: String, body: [UInt8], headers: [Header] = []) {
        self.status = status
        self.headers = [Header(name: "Content-Type", value: contentType)] + headers
        self.body = body
    }

    /// A small self-contained HTML page for errors (404, 403, 405, ...).
    static func errorPage(status: UInt32, title: String, headers: [Header] = []) -> HTTPResponse {
        let html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>\(title)</title></head>
            <body><h1>\(title)</h1></body></html>

            """
        return HTTPResponse(status: status, contentType: ContentType.html, body: Array(html.utf8), headers: headers)
    }
}
