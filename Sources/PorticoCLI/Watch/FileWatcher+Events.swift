import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Turning raw inotify events into `ChangeSet` entries and keeping the recursive
/// watch table in step with folders appearing, moving and disappearing.
extension FileWatcher {
    /// Reads every queued event (the descriptor is non-blocking) and records them.
    /// Returns whether any was relevant, even one repeating an already-recorded path:
    /// a file still being written keeps the quiet period from elapsing.
    func drainEvents(into changes: inout ChangeSet) -> Bool {
        var relevant = false
        // Big enough for hundreds of events per read; inotify never splits an event.
        let capacity = 64 * 1024
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 8)
        defer { buffer.deallocate() }
        while true {
            let count = read(inotifyDescriptor, buffer.baseAddress, capacity)
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return relevant }
            for event in InotifyEvent.parse(UnsafeRawBufferPointer(rebasing: buffer[0..<count])) {
                if handle(event, into: &changes) { relevant = true }
            }
        }
    }

    /// Records one event; returns false for events that are noise (ignored paths,
    /// stale descriptors, bookkeeping).
    func handle(_ event: InotifyEvent, into changes: inout ChangeSet) -> Bool {
        if event.has(InotifyMask.queueOverflow) {
            // Events were dropped, including possibly folder creations: re-add watches
            // for the whole tree (existing ones are kept) and ask for a full rescan.
            changes.fullRescan = true
            _ = watchTree("", reportingInto: &changes, reportFiles: false)
            return true
        }
        if event.has(InotifyMask.ignored) {
            watches.remove(descriptor: event.watchDescriptor)
            return false
        }
        // Events for descriptors dropped after a move are stale; their folder is
        // re-watched under its new name.
        guard let folder = watches.folder(for: event.watchDescriptor) else { return false }

        if event.name.isEmpty {
            // Events about a watched folder itself: only the workspace root matters,
            // others are reported by their parent under the folder's name.
            guard folder.isEmpty && event.has(InotifyMask.deleteSelf | InotifyMask.moveSelf) else { return false }
            changes.fullRescan = true
            return true
        }

        let path = folder.isEmpty ? event.name : folder + "/" + event.name
        guard !rules.ignores(path) else { return false }

        guard event.has(InotifyMask.isDirectory) else {
            changes.paths.insert(path)
            return true
        }
        if event.has(InotifyMask.create | InotifyMask.movedTo) {
            changes.paths.insert(path)
            // Files may already exist inside before the watch is in place (mkdir -p,
            // git checkout, a folder moved in): report them from a scan.
            _ = watchTree(path, reportingInto: &changes, reportFiles: true)
        } else if event.has(InotifyMask.delete | InotifyMask.movedFrom) {
            changes.paths.insert(path)
            for descriptor in watches.removeSubtree(path) {
                // For a deleted folder the kernel already dropped the watch (EINVAL,
                // harmless); for a moved one this stops reports under its old name.
                _ = inotify_rm_watch(inotifyDescriptor, descriptor)
            }
        } else {
            // Attribute changes on a folder say nothing about the pages inside it.
            return false
        }
        return true
    }

    /// Watches `folder` and every non-ignored folder below it, without following
    /// symlinks. With `reportFiles`, every entry found is added to `changes`.
    /// Returns false only when `folder` itself could not be watched.
    @discardableResult
    func watchTree(_ folder: String, reportingInto changes: inout ChangeSet, reportFiles: Bool) -> Bool {
        let absolute = folder.isEmpty ? rootPath : rootPath + "/" + folder
        let mask = InotifyMask.watched | InotifyMask.onlyDirectory | InotifyMask.dontFollow
        let descriptor = inotify_add_watch(inotifyDescriptor, absolute, mask)
        // Gone already, or not a folder (replaced between event and scan), or the
        // user's inotify watch limit is reached: nothing more to do here.
        guard descriptor >= 0 else { return false }
        watches.set(descriptor, folder: folder)

        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: absolute) else { return true }
        for name in entries.sorted() {
            let path = folder.isEmpty ? name : folder + "/" + name
            guard !rules.ignores(path) else { continue }
            var info = stat()
            guard lstat(rootPath + "/" + path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if reportFiles { changes.paths.insert(path) }
                watchTree(path, reportingInto: &changes, reportFiles: reportFiles)
            } else if reportFiles {
                changes.paths.insert(path)
            }
        }
        return true
    }
}
