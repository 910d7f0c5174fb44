/// A hint for a selector that matches nothing: the usual mistakes are a file name
/// instead of the name a person sees, a file extension, a partial `*`, and a name
/// that is almost right.
enum SelectorHint {
    static func hint(for selector: Selector, in paths: [[String]]) -> String {
        let names = selector.segments.compactMap { segment -> String? in
            if case .name(let n) = segment { return n }
            return nil
        }
        if let last = names.last, last.hasSuffix(".md") || last.hasSuffix(".json") || last.hasSuffix(".yaml") {
            return "; selectors use names, not file names: drop the extension"
        }
        if names.contains(where: { $0.contains("*") }) {
            return "; `*` and `**` match whole names only, not parts of a name"
        }
        // The longest prefix that matches something, and the names found under it.
        var prefix = selector.segments
        while !prefix.isEmpty {
            prefix.removeLast()
            let partial = Selector(segments: prefix)
            let children = Set(paths.filter { $0.count == prefix.count + 1 && partial.matches(Array($0.dropLast())) }
                .compactMap(\.last))
            guard !children.isEmpty else { continue }
            let wanted = selector.segments.count > prefix.count ? selector.segments[prefix.count] : nil
            if case .name(let name)? = wanted,
               let guess = YAMLKeySuggestion.nearest(to: name, in: children.sorted(), maxDistance: 3) {
                return "; did you mean `\(guess)`?"
            }
            let listed = children.sorted().prefix(8).map { "`\($0)`" }.joined(separator: ", ")
            return "; under `\(partial.text)` there is " + listed + (children.count > 8 ? ", …" : "")
        }
        return ""
    }
}

extension Selector {
    /// A selector from parsed segments (for hints).
    init(segments: [Segment]) {
        self.init(segments.map { segment in
            switch segment {
            case .name(let n): Selector.escape(n)
            case .any: "*"
            case .anyDepth: "**"
            }
        }.joined(separator: "/"))
    }
}
