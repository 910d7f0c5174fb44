import PorticoModel

/// Checks that a file path produced by rendering stays inside its site folder and
/// is a valid, portable file name: relative, no `.`/`..` or empty segments, no
/// NUL, backslash, control or Windows-reserved characters.
enum SafePath {
    static let forbidden: Set<Character> = ["\\", ":", "*", "?", "\"", "<", ">", "|"]

    static func problem(_ path: String) -> String? {
        if path.isEmpty { return "empty path" }
        if path.hasPrefix("/") { return "absolute path" }
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if segment.isEmpty { return "empty path segment" }
            if segment == "." || segment == ".." { return "`\(segment)` segment" }
            if segment.utf8.count > 255 { return "file name longer than 255 bytes" }
            if segment.hasSuffix(".") || segment.hasSuffix(" ") { return "name ends with a dot or space" }
            for ch in segment {
                if forbidden.contains(ch) { return "character `\(ch)` in a file name" }
                if ch.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
                    return "control character in a file name"
                }
            }
        }
        return nil
    }
}
