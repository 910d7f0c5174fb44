/// "Did you mean …?" for a misspelt key: the closest allowed key within two edits.
///
/// Misspelt keys are the dangerous kind of typo here (`visibilty:` would otherwise
/// hide nothing), so the error should make the fix obvious.
enum YAMLKeySuggestion {
    /// The allowed key nearest to `key` by edit distance (insert, delete, substitute,
    /// swap two neighbours), if it is at most `maxDistance` away. Ties go to the
    /// first in `candidates`, which callers list in the order the format documents.
    static func nearest(to key: String, in candidates: [String], maxDistance: Int = 2) -> String? {
        var best: (key: String, distance: Int)?
        let lowered = key.lowercased()
        for candidate in candidates {
            let distance = editDistance(Array(lowered), Array(candidate.lowercased()))
            if distance <= maxDistance, distance < (best?.distance ?? Int.max) {
                best = (candidate, distance)
            }
        }
        return best?.key
    }

    /// Optimal string alignment distance: Levenshtein plus adjacent transposition,
    /// so `nmae` is one edit from `name`, as a person would count it.
    static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
