import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a folder with another in one step, so a reader sees the old site or
/// the new one, never a mix. On Linux this is `renameat2(RENAME_EXCHANGE)`, looked
/// up at run time because Swift's Glibc module does not export it; elsewhere (or
/// on file systems without it) two renames, which leave a gap of microseconds.
enum AtomicSwap {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    private static let renameat2: RenameAt2? = {
        #if os(Linux)
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    /// Puts `staged` at `target`. When `target` existed, its old contents end up at
    /// `staged` (for the caller to delete); returns whether that happened.
    @discardableResult
    static func install(_ staged: URL, at target: URL) throws -> Bool {
        let fm = FileManager.default
        guard fm.fileExists(atPath: target.path) else {
            try fm.moveItem(at: staged, to: target)
            return false
        }
        #if os(Linux)
        let exchange: UInt32 = 2 // RENAME_EXCHANGE
        if let renameat2, renameat2(AT_FDCWD, staged.path, AT_FDCWD, target.path, exchange) == 0 {
            return true
        }
        #endif
        let aside = target.deletingLastPathComponent()
            .appendingPathComponent(".portico-old-\(target.lastPathComponent)-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: aside)
        try fm.moveItem(at: target, to: aside)
        try fm.moveItem(at: staged, to: target)
        try fm.moveItem(at: aside, to: staged)
        return true
    }
}
