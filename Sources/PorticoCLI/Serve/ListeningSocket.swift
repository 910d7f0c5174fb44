#if canImport(Glibc)
import Glibc
#endif

/// An IPv4 TCP socket bound to one address and listening, created before the HTTP
/// daemon starts.
///
/// Binding ourselves (and handing the fd to libmicrohttpd with
/// `MHD_OPTION_LISTEN_SOCKET`) is how port 0 works: `getsockname` tells us the
/// kernel's pick, whereas `MHD_get_daemon_info` is variadic and not callable from Swift.
struct ListeningSocket {
    let descriptor: Int32
    let port: UInt16

    init(host: String, port: UInt16) throws {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        // Only literal IPv4 addresses: a name would need resolution and could map to
        // something other than loopback.
        let literal = host == "localhost" ? "127.0.0.1" : host
        guard inet_pton(AF_INET, literal, &address.sin_addr) == 1 else {
            throw StaticServerError.invalidHost(host)
        }

        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw StaticServerError.socket(call: "socket", errno: errno) }
        var succeeded = false
        defer { if !succeeded { close(fd) } }

        // Lets `portico watch --serve` restart on the same port right after a previous run.
        var yes: Int32 = 1
        _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))

        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw StaticServerError.socket(call: "bind", errno: errno) }
        guard listen(fd, 64) == 0 else { throw StaticServerError.socket(call: "listen", errno: errno) }

        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard named == 0 else { throw StaticServerError.socket(call: "getsockname", errno: errno) }

        succeeded = true
        self.descriptor = fd
        self.port = UInt16(bigEndian: actual.sin_port)
    }
}
