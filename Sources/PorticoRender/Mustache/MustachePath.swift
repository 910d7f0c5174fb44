/// A tag's name as the renderer looks it up: `.` (the current item) or dotted
/// components such as `author.name`.
///
/// Names are split once at parse time so rendering never re-scans them.
struct MustachePath: Sendable, Hashable {
    /// Empty for the implicit iterator `.`.
    let components: [String]

    init(_ name: String) {
        if name == "." {
            components = []
        } else {
            // Empty components (from `a..b` or `.a`) are kept: they name no key, so
            // the lookup simply finds nothing, which is the forgiving outcome.
            components = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        }
    }

    var isImplicitIterator: Bool { components.isEmpty }
}
