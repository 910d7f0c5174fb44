#if canImport(Glibc)
import Glibc
#endif

/// Why a `FileWatcher` could not be set up.
public enum FileWatcherError: Error, Equatable, CustomStringConvertible {
    case notADirectory(String)
    /// A system call failed; carries its name and `errno`.
    case systemCall(String, Int32)

    public var description: String {
        switch self {
        case .notADirectory(let path): return "cannot watch \(path): not a directory"
        case .systemCall(let call, let code): return "\(call) failed: \(String(cString: strerror(code)))"
        }
    }
}
