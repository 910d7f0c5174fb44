import CMicroHTTPD
#if canImport(Glibc)
import Glibc
#endif

/// The C side of the server: starting/stopping the libmicrohttpd daemon and the
/// `@convention(c)` callbacks it calls.
///
/// Callbacks cannot capture Swift context, so the `RequestHandler` travels as the
/// `cls` pointer (unretained: `StaticServer` keeps it alive until the daemon stopped).
enum MicroHTTPDBridge {
    /// `size_t (*)(void *cls, struct MHD_Connection *c, char *s)` — see MHD_OPTION_UNESCAPE_CALLBACK.
    typealias UnescapeCallback = @convention(c) (UnsafeMutableRawPointer?, OpaquePointer?, UnsafeMutablePointer<CChar>?) -> Int

    /// Leaves the path percent-encoded so `SitePathResolver` decodes it exactly once;
    /// libmicrohttpd's default would decode first and make `%252e` a second-round `.`.
    static let keepEncoded: UnescapeCallback = { _, _, string in
        guard let string else { return 0 }
        return strlen(string)
    }

    static let accessHandler: MHD_AccessHandlerCallback = { cls, connection, url, method, _, _, _, _ in
        guard let cls, let connection else { return .NO }
        let handler = Unmanaged<RequestHandler>.fromOpaque(cls).takeUnretainedValue()
        let method = method.map { String(cString: $0) } ?? ""
        let path = url.map { String(cString: $0) } ?? "/"
        // Answering on the first call (before any upload body) is allowed; for a
        // rejected POST libmicrohttpd then discards the body and closes the connection.
        return queue(handler.respond(method: method, rawPath: path), on: connection)
    }

    /// Starts the daemon on an already-listening socket. Returns nil on failure, in
    /// which case the socket is still ours to close.
    static func startDaemon(listening socket: ListeningSocket, handler: RequestHandler) -> OpaquePointer? {
        // An internal polling thread serves in the background; ITC is what makes
        // MHD_quiesce_daemon (used by stop) legal with that thread.
        let flags = MHD_USE_INTERNAL_POLLING_THREAD.rawValue | MHD_USE_ITC.rawValue
        let context = Unmanaged.passUnretained(handler).toOpaque()
        let unescape = unsafeBitCast(keepEncoded, to: OpaquePointer.self)
        // C varargs: each option is an `int`-sized enum followed by its typed value(s).
        let options: [CVarArg] = [
            Int32(bitPattern: MHD_OPTION.LISTEN_SOCKET.rawValue), socket.descriptor,
            Int32(bitPattern: MHD_OPTION.CONNECTION_TIMEOUT.rawValue), UInt32(30),
            Int32(bitPattern: MHD_OPTION.UNESCAPE_CALLBACK.rawValue), unescape, Int(0), // callback, then its NULL cls (pointer-sized)
            Int32(bitPattern: MHD_OPTION.END.rawValue),
        ]
        return withVaList(options) { arguments in
            MHD_start_daemon_va(flags, socket.port, nil, nil, accessHandler, context, arguments)
        }
    }

    /// Stops the daemon and closes the listening socket. Quiescing first hands the
    /// socket back to us, so it is closed exactly once, by its owner.
    static func stopDaemon(_ daemon: OpaquePointer) {
        let listenFD = MHD_quiesce_daemon(daemon)
        MHD_stop_daemon(daemon)
        if listenFD >= 0 { close(listenFD) }
    }

    private static func queue(_ response: HTTPResponse, on connection: OpaquePointer) -> MHD_Result {
        let created = response.body.withUnsafeBytes { bytes in
            MHD_create_response_from_buffer(bytes.count, UnsafeMutableRawPointer(mutating: bytes.baseAddress),
                                            .RESPMEM_MUST_COPY)
        }
        guard let mhdResponse = created else { return .NO }
        defer { MHD_destroy_response(mhdResponse) }
        let common = [
            HTTPResponse.Header(name: "X-Content-Type-Options", value: "nosniff"),
            HTTPResponse.Header(name: "Cache-Control", value: "no-cache"),
        ]
        for header in response.headers + common {
            _ = MHD_add_response_header(mhdResponse, header.name, header.value)
        }
        return MHD_queue_response(connection, response.status, mhdResponse)
    }
}
