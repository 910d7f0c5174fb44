import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Watches a workspace folder recursively with Linux inotify and hands out debounced
/// `ChangeSet`s for `portico watch`.
///
/// One thread calls `waitForChanges` at a time (a concurrent second call returns nil
/// at once); `stop()` may be called from any thread and makes a blocked
/// `waitForChanges` return nil promptly. Events are not lost
/// between calls: the kernel queues them until the next `waitForChanges`.
public final class FileWatcher: @unchecked Sendable {
    /// Canonical path of the watched workspace.
    public let root: URL
    let rootPath: String
    let rules: WatchIgnoreRules
    let inotifyDescriptor: Int32
    let wakeup: SelfPipe
    /// Only touched by the thread inside `waitForChanges` (and init).
    var watches = WatchTable()

    // Guards the three flags below, which `stop()` reads and writes from other threads.
    private let lock = NSLock()
    private var stopped = false
    private var waiting = false
    private var descriptorsClosed = false

    /// - Parameters:
    ///   - root: the workspace folder.
    ///   - ignoredDirectories: absolute folders never watched nor reported, such as the
    ///     output folder when it lives inside the workspace.
    public init(root: URL, ignoring ignoredDirectories: [URL] = []) throws {
        guard let pointer = realpath(root.path, nil) else { throw FileWatcherError.notADirectory(root.path) }
        let canonical = String(cString: pointer)
        free(pointer)
        var info = stat()
        guard stat(canonical, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR else {
            throw FileWatcherError.notADirectory(root.path)
        }

        let fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard fd >= 0 else { throw FileWatcherError.systemCall("inotify_init1", errno) }
        let pipe: SelfPipe
        do { pipe = try SelfPipe() } catch { close(fd); throw error }

        self.rootPath = canonical
        self.root = URL(fileURLWithPath: canonical, isDirectory: true)
        self.rules = WatchIgnoreRules(root: rootPath, ignoredDirectories: ignoredDirectories)
        self.inotifyDescriptor = fd
        self.wakeup = pipe

        var unused = ChangeSet()
        guard watchTree("", reportingInto: &unused, reportFiles: false) else {
            let code = errno
            lock.withLock { closeDescriptors() }
            throw FileWatcherError.systemCall("inotify_add_watch", code)
        }
    }

    deinit {
        lock.withLock { closeDescriptors() }
    }

    /// Blocks until something relevant changed and then nothing more happened for
    /// `quietPeriod`, so a `git pull` or "save all" arrives as one `ChangeSet`.
    ///
    /// - Parameters:
    ///   - timeout: how long to wait for the first change; nil waits indefinitely.
    ///   - maximumDelay: once a change was seen, return after this long even if events
    ///     keep coming (a process appending to a file forever must not starve builds).
    /// - Returns: the changes, or nil on timeout or after `stop()`.
    public func waitForChanges(quietPeriod: Duration = .milliseconds(75), timeout: Duration? = nil,
                               maximumDelay: Duration = .seconds(2)) -> ChangeSet? {
        let proceed: Bool = lock.withLock {
            guard !stopped, !waiting else { return false }
            waiting = true
            return true
        }
        guard proceed else { return nil }
        defer {
            lock.withLock {
                waiting = false
                // stop() ran while we were polling and left closing the fds to us.
                if stopped { closeDescriptors() }
            }
        }

        let clock = ContinuousClock()
        let started = clock.now
        var pending = ChangeSet()
        var firstChange: ContinuousClock.Instant?
        var lastChange = started

        while true {
            let deadline: ContinuousClock.Instant?
            if let firstChange {
                deadline = min(lastChange + quietPeriod, firstChange + maximumDelay)
            } else {
                deadline = timeout.map { started + $0 }
            }
            var waitMilliseconds: Int32 = -1
            if let deadline {
                let remaining = deadline - clock.now
                if remaining <= .zero { return firstChange == nil ? nil : pending }
                waitMilliseconds = Self.milliseconds(roundingUp: remaining)
            }

            var fds = [
                pollfd(fd: inotifyDescriptor, events: Int16(POLLIN), revents: 0),
                pollfd(fd: wakeup.readDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            let ready = poll(&fds, nfds_t(fds.count), waitMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if fds[1].revents != 0 || lock.withLock({ stopped }) { return nil }
            if fds[0].revents != 0 {
                if drainEvents(into: &pending) {
                    lastChange = clock.now
                    if firstChange == nil { firstChange = lastChange }
                }
            }
        }
    }

    /// Makes a blocked `waitForChanges` return nil and releases the inotify and pipe
    /// descriptors. Safe from any thread, more than once.
    public func stop() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            // Closing an fd another thread is polling is a race (the number can be
            // reused), so a waiting thread is woken and closes them itself on the way out.
            if waiting { wakeup.signal() } else { closeDescriptors() }
        }
    }

    /// Call with `lock` held.
    private func closeDescriptors() {
        guard !descriptorsClosed else { return }
        descriptorsClosed = true
        close(inotifyDescriptor)
        wakeup.close()
    }

    private static func milliseconds(roundingUp duration: Duration) -> Int32 {
        let (seconds, attoseconds) = duration.components
        let millis = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: max(millis, 0))
    }
}
