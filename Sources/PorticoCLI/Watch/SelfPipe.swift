#if canImport(Glibc)
import Glibc
#endif

/// A non-blocking pipe used to wake a thread blocked in `poll(2)`: `stop()` writes a
/// byte, the waiting `FileWatcher.waitForChanges` sees the read end become readable.
struct SelfPipe {
    let readDescriptor: Int32
    let writeDescriptor: Int32

    init() throws {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { throw FileWatcherError.systemCall("pipe", errno) }
        for fd in fds {
            // Non-blocking so a wake-up can never block stop(); close-on-exec so build
            // subprocesses don't inherit it.
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readDescriptor = fds[0]
        writeDescriptor = fds[1]
    }

    func signal() {
        var byte: UInt8 = 1
        // A full pipe already means "wake up", so a failed write needs no handling.
        _ = write(writeDescriptor, &byte, 1)
    }

    func close() {
        _ = Glibc.close(readDescriptor)
        _ = Glibc.close(writeDescriptor)
    }
}
