/// The two-way map between inotify watch descriptors and the workspace-relative
/// folders they watch (`""` is the workspace root).
///
/// inotify reports events as (descriptor, entry name), so every event needs the
/// descriptor → folder lookup; folder → descriptor is needed to drop a whole subtree
/// when a folder is moved away or deleted.
struct WatchTable {
    private(set) var folderByDescriptor: [Int32: String] = [:]
    private var descriptorByFolder: [String: Int32] = [:]

    func folder(for descriptor: Int32) -> String? {
        folderByDescriptor[descriptor]
    }

    /// Records a watch. inotify returns the existing descriptor when a folder is
    /// watched again, so a stale name for that descriptor is replaced.
    mutating func set(_ descriptor: Int32, folder: String) {
        if let previous = folderByDescriptor[descriptor], previous != folder {
            descriptorByFolder[previous] = nil
        }
        folderByDescriptor[descriptor] = folder
        descriptorByFolder[folder] = descriptor
    }

    mutating func remove(descriptor: Int32) {
        guard let folder = folderByDescriptor.removeValue(forKey: descriptor) else { return }
        if descriptorByFolder[folder] == descriptor { descriptorByFolder[folder] = nil }
    }

    /// Forgets `folder` and everything below it; returns the descriptors dropped.
    mutating func removeSubtree(_ folder: String) -> [Int32] {
        let prefix = folder + "/"
        let doomed = descriptorByFolder.filter { $0.key == folder || $0.key.hasPrefix(prefix) }
        for (path, descriptor) in doomed {
            descriptorByFolder[path] = nil
            folderByDescriptor[descriptor] = nil
        }
        return Array(doomed.values)
    }
}
