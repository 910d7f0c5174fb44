import PorticoModel

/// A visibility selector (spec section 4): a `/`-separated path of names such as
/// `collections/Payments API/Admin`, where `*` matches one segment, `**` any number
/// of segments, and `\/` is a `/` inside a name.
public struct Selector: Hashable, Sendable, CustomStringConvertible {
    public enum Segment: Hashable, Sendable {
        case name(String)
        case any        // *
        case anyDepth   // **
    }

    public var segments: [Segment]
    public var text: String

    public init(_ text: String) {
        self.text = text
        self.segments = Selector.split(text).map { part in
            switch part {
            case "*": .any
            case "**": .anyDepth
            default: .name(part)
            }
        }
    }

    public var description: String { text }

    /// The selector's kind: its first segment (collections, environments or docs).
    public var root: String? {
        if case .name(let n) = segments.first { return n }
        return nil
    }

    /// Splits on `/` that is not escaped; `\/` becomes `/` inside a name and `\\` a backslash.
    static func split(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var escaping = false
        for ch in text {
            if escaping {
                current.append(ch)
                escaping = false
            } else if ch == "\\" {
                escaping = true
            } else if ch == "/" {
                parts.append(current)
                current = ""
            } else {
                current.append(ch)
            }
        }
        if escaping { current.append("\\") }
        parts.append(current)
        // A trailing slash ("collections/API/") names the same thing as without it.
        if parts.count > 1, parts.last == "" { parts.removeLast() }
        return parts
    }

    /// Writes one name as a selector segment, escaping `/` and `\`.
    public static func escape(_ name: String) -> String {
        name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "/", with: "\\/")
    }

    /// True when the selector names exactly this path of names.
    public func matches(_ path: [String]) -> Bool {
        Selector.match(segments[...], path[...])
    }

    /// True when the selector names this path or one of its ancestors: selecting a
    /// collection or folder selects everything under it.
    public func covers(_ path: [String]) -> Bool {
        (1...max(path.count, 1)).contains { matches(Array(path.prefix($0))) }
    }

    private static func match(_ pattern: ArraySlice<Segment>, _ path: ArraySlice<String>) -> Bool {
        guard let head = pattern.first else { return path.isEmpty }
        switch head {
        case .anyDepth:
            // `**` takes zero or more segments.
            var rest = path
            while true {
                if match(pattern.dropFirst(), rest) { return true }
                guard !rest.isEmpty else { return false }
                rest = rest.dropFirst()
            }
        case .any:
            guard !path.isEmpty else { return false }
            return match(pattern.dropFirst(), path.dropFirst())
        case .name(let name):
            guard let first = path.first, first == name else { return false }
            return match(pattern.dropFirst(), path.dropFirst())
        }
    }
}
