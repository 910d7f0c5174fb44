#if canImport(Glibc)
import Glibc
#endif

/// Why a `StaticServer` could not start.
public enum StaticServerError: Error, Equatable, CustomStringConvertible {
    case rootNotADirectory(String)
    /// Only IPv4 literals (and `localhost`) are accepted, so binding stays explicit.
    case invalidHost(String)
    /// A socket call failed; carries the call name and `errno`.
    case socket(call: String, errno: Int32)
    case daemonFailedToStart

    public var description: String {
        switch self {
        case .rootNotADirectory(let path): return "cannot serve \(path): not a directory"
        case .invalidHost(let host): return "cannot listen on \(host): expected an IPv4 address"
        case .socket(let call, let code) where code == EADDRINUSE:
            return "\(call) failed: \(String(cString: strerror(code))): another server has this port; "
                + "pick another with --port N, or --port 0 for any free one"
        case .socket(let call, let code): return "\(call) failed: \(String(cString: strerror(code)))"
        case .daemonFailedToStart: return "the HTTP server (libmicrohttpd) failed to start"
        }
    }
}
