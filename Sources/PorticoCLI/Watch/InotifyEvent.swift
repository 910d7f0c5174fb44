#if canImport(Glibc)
import Glibc
#endif

/// One decoded `struct inotify_event` from the bytes `read(2)` returned.
struct InotifyEvent: Equatable {
    var watchDescriptor: Int32
    var mask: UInt32
    var cookie: UInt32
    /// Entry name inside the watched folder; empty for events about the folder itself.
    var name: String

    func has(_ flags: UInt32) -> Bool {
        mask & flags != 0
    }

    /// Splits a read buffer into events. The kernel only hands out whole events, but
    /// the parser still stops at anything truncated rather than reading past the end.
    static func parse(_ buffer: UnsafeRawBufferPointer) -> [InotifyEvent] {
        // struct inotify_event { int wd; uint32_t mask, cookie, len; char name[]; }
        let headerSize = 16
        var events: [InotifyEvent] = []
        var offset = 0
        while offset + headerSize <= buffer.count {
            let wd = buffer.loadUnaligned(fromByteOffset: offset, as: Int32.self)
            let mask = buffer.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
            let cookie = buffer.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self)
            let length = Int(buffer.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
            let nameStart = offset + headerSize
            guard nameStart + length <= buffer.count else { break }
            // The name is NUL-padded to alignment; keep the bytes before the first NUL.
            let nameBytes = buffer[nameStart..<(nameStart + length)].prefix { $0 != 0 }
            events.append(InotifyEvent(watchDescriptor: wd, mask: mask, cookie: cookie,
                                       name: String(decoding: nameBytes, as: UTF8.self)))
            offset = nameStart + length
        }
        return events
    }
}

/// inotify mask bits as `UInt32`, whatever integer type Glibc imports the macros as.
enum InotifyMask {
    static let closeWrite = UInt32(IN_CLOSE_WRITE)
    static let create = UInt32(IN_CREATE)
    static let delete = UInt32(IN_DELETE)
    static let movedFrom = UInt32(IN_MOVED_FROM)
    static let movedTo = UInt32(IN_MOVED_TO)
    static let modify = UInt32(IN_MODIFY)
    static let deleteSelf = UInt32(IN_DELETE_SELF)
    static let moveSelf = UInt32(IN_MOVE_SELF)
    static let attrib = UInt32(IN_ATTRIB)
    static let isDirectory = UInt32(IN_ISDIR)
    static let queueOverflow = UInt32(IN_Q_OVERFLOW)
    static let ignored = UInt32(IN_IGNORED)
    static let onlyDirectory = UInt32(IN_ONLYDIR)
    static let dontFollow = UInt32(IN_DONT_FOLLOW)

    /// What every watched folder subscribes to. IN_MOVE_SELF is only acted on for the
    /// workspace root (a moved subfolder is seen as IN_MOVED_FROM in its parent).
    static let watched = closeWrite | create | delete | movedFrom | movedTo | modify
        | deleteSelf | moveSelf | attrib
}
