import CMicroHTTPD
import Foundation

/// Serves one built site folder over HTTP for `portico serve` / `portico watch --serve`.
///
/// libmicrohttpd runs the server on its own thread; this object owns the daemon, the
/// listening socket and the request handler, and tears them down in `stop()` (or on
/// deinit). Only GET and HEAD are answered, only files under `root` are reachable.
public final class StaticServer: @unchecked Sendable {
    /// The folder being served (as given; lookups use its canonical path).
    public let root: URL
    public let host: String
    /// The port actually listened on — the kernel's pick when 0 was requested.
    public let port: UInt16

    private let handler: RequestHandler
    // Guards `daemon` so a concurrent stop() and deinit cannot stop it twice.
    private let lock = NSLock()
    private var daemon: OpaquePointer?

    public init(root: URL, host: String = "127.0.0.1", port: UInt16) throws {
        let resolver = try SitePathResolver(root: root)
        let handler = RequestHandler(resolver: resolver, liveReload: LiveReload())
        let socket = try ListeningSocket(host: host, port: port)
        guard let daemon = MicroHTTPDBridge.startDaemon(listening: socket, handler: handler) else {
            // On a failed start libmicrohttpd leaves the provided socket open.
            close(socket.descriptor)
            throw StaticServerError.daemonFailedToStart
        }
        self.root = root
        self.host = host
        self.port = socket.port
        self.handler = handler
        self.daemon = daemon
    }

    deinit {
        stop()
    }

    /// `http://host:port/`, for printing to the user.
    public var url: URL? {
        URL(string: "http://\(host):\(port)/")
    }

    /// When true, HTML responses carry the live-reload script (on the wire only; the
    /// files on disk are untouched). Off by default; `watch --serve` turns it on.
    public var liveReload: Bool {
        get { handler.liveReload.enabled }
        set { handler.liveReload.enabled = newValue }
    }

    /// The number pages poll at `/__portico/build-id`.
    public var buildID: UInt64 {
        handler.liveReload.currentBuildID
    }

    /// Call after a rebuild was published: open pages with live reload then reload.
    public func notifyReload() {
        handler.liveReload.bump()
    }

    /// Stops serving and releases the port. Safe to call more than once.
    public func stop() {
        lock.withLock {
            guard let daemon else { return }
            // Returns only after the server thread has finished, so `handler` (passed
            // unretained as the callback context) outlives every callback.
            MicroHTTPDBridge.stopDaemon(daemon)
            self.daemon = nil
        }
    }
}
