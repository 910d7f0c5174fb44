import Foundation

/// One file of a built site: a `/`-separated path relative to the site folder and
/// its bytes. Rendering produces these; only publishing touches the disk.
public struct OutputFile: Hashable, Sendable {
    public var path: String
    public var bytes: Data

    public init(path: String, bytes: Data) {
        self.path = path
        self.bytes = bytes
    }

    public init(path: String, text: String) {
        self.path = path
        self.bytes = Data(text.utf8)
    }
}
