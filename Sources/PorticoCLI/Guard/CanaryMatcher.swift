/// Finds which of many strings occur in a text in one pass, so the leak guard costs
/// time in proportion to the site's size, not size × number of forbidden strings.
/// Every position's first four bytes are looked up in a bit set of the patterns'
/// four-byte prefixes; only a hit is checked against the patterns themselves.
///
/// A pattern may ignore ASCII letter case (`GLOBEX` is Globex). The prefixes are
/// taken with ASCII letters lowercased, so one pass serves both kinds of pattern: a
/// case-sensitive candidate is then compared byte for byte, a case-insensitive one
/// with the text's letters lowercased on the fly (no lowercased copy of the text).
///
/// A pattern may also be matched as a whole word only: `Beta` is then found in
/// "Beta programme" but not in "Betamax" or "alphabeta". A letter, a digit or any
/// non-ASCII byte (part of a letter such as `é`) next to the match makes it part of a
/// longer word.
struct CanaryMatcher: Sendable {
    let patterns: [[UInt8]]
    private let folded: [[UInt8]]
    private let ignoresCase: [Bool]
    private let wholeWord: [Bool]
    private var bits: [UInt64]
    private var byPrefix: [UInt32: [Int]]
    private static let bitCount = 1 << 22

    /// Patterns must be at least four bytes long; shorter ones are ignored.
    init(_ strings: [String], ignoringCase: [Bool]? = nil, wholeWords: [Bool]? = nil) {
        patterns = strings.map { Array($0.utf8) }
        folded = patterns.map { $0.map(Self.fold) }
        ignoresCase = ignoringCase ?? Array(repeating: false, count: strings.count)
        wholeWord = wholeWords ?? Array(repeating: false, count: strings.count)
        bits = Array(repeating: 0, count: Self.bitCount / 64)
        byPrefix = [:]
        for (index, pattern) in folded.enumerated() where pattern.count >= 4 {
            let prefix = Self.word(pattern, 0)
            byPrefix[prefix, default: []].append(index)
            let h = Self.hash(prefix)
            bits[h >> 6] |= 1 << UInt64(h & 63)
        }
    }

    /// Indices of the patterns that occur in `text`.
    func matches(in text: [UInt8]) -> Set<Int> {
        var found = Set<Int>()
        guard text.count >= 4, !byPrefix.isEmpty else { return found }
        text.withUnsafeBufferPointer { buffer in
            let n = buffer.count
            // The lowercased four bytes at i, rolled forward one byte per step.
            var prefix = UInt32(Self.fold(buffer[0])) << 8 | UInt32(Self.fold(buffer[1])) << 16
                | UInt32(Self.fold(buffer[2])) << 24
            var i = 0
            while i + 4 <= n {
                prefix = prefix >> 8 | UInt32(Self.fold(buffer[i + 3])) << 24
                let h = Self.hash(prefix)
                if bits[h >> 6] & (1 << UInt64(h & 63)) != 0, let candidates = byPrefix[prefix] {
                    for c in candidates where !found.contains(c) && i + patterns[c].count <= n {
                        if wholeWord[c] && !Self.isBoundary(buffer, before: i, after: i + patterns[c].count,
                                                             pattern: patterns[c]) {
                            continue
                        }
                        if ignoresCase[c] {
                            let p = folded[c]
                            if (4..<p.count).allSatisfy({ Self.fold(buffer[i + $0]) == p[$0] }) { found.insert(c) }
                        } else {
                            let p = patterns[c]
                            if (0..<p.count).allSatisfy({ buffer[i + $0] == p[$0] }) { found.insert(c) }
                        }
                    }
                }
                i += 1
            }
        }
        return found
    }

    /// Whether the match at `start..<end` stands alone: no word character glued to
    /// either end (checked only where the pattern itself ends in a word character).
    @inline(__always)
    private static func isBoundary(_ text: UnsafeBufferPointer<UInt8>, before start: Int, after end: Int,
                                   pattern: [UInt8]) -> Bool {
        if let first = pattern.first, isWordByte(first), start > 0, isWordByte(text[start - 1]) { return false }
        if let last = pattern.last, isWordByte(last), end < text.count, isWordByte(text[end]) { return false }
        return true
    }

    /// An ASCII letter or digit, or any byte of a non-ASCII character.
    @inline(__always)
    static func isWordByte(_ b: UInt8) -> Bool {
        b >= 0x80 || (b | 0x20) &- 0x61 < 26 || b &- 0x30 < 10
    }

    /// An ASCII capital letter lowercased; any other byte as it is (UTF-8 sequences untouched).
    @inline(__always)
    static func fold(_ b: UInt8) -> UInt8 {
        b &- 0x41 < 26 ? b | 0x20 : b
    }

    private static func word(_ p: [UInt8], _ i: Int) -> UInt32 {
        UInt32(p[i]) | UInt32(p[i + 1]) << 8 | UInt32(p[i + 2]) << 16 | UInt32(p[i + 3]) << 24
    }

    @inline(__always)
    private static func hash(_ x: UInt32) -> Int {
        Int((x &* 2_654_435_761) >> 10) & (bitCount - 1)
    }
}
