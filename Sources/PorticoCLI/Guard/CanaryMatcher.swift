/// Finds which of many strings occur in a text in one pass, so the leak guard costs
/// time in proportion to the site's size, not size × number of forbidden strings.
/// Every position's first four bytes are looked up in a bit set of the patterns'
/// four-byte prefixes; only a hit is checked against the patterns themselves.
///
/// A pattern may ignore ASCII letter case (`GLOBEX` is Globex). The prefixes are
/// taken with ASCII letters lowercased, so one pass serves both kinds of pattern: a
/// case-sensitive candidate is then compared byte for byte, a case-insensitive one
/// with the text's letters lowercased on the fly (no lowercased copy of the text).
struct CanaryMatcher: Sendable {
    let patterns: [[UInt8]]
    private let folded: [[UInt8]]
    private let ignoresCase: [Bool]
    private var bits: [UInt64]
    private var byPrefix: [UInt32: [Int]]
    private static let bitCount = 1 << 22

    /// Patterns must be at least four bytes long; shorter ones are ignored.
    init(_ strings: [String], ignoringCase: [Bool]? = nil) {
        patterns = strings.map { Array($0.utf8) }
        folded = patterns.map { $0.map(Self.fold) }
        ignoresCase = ignoringCase ?? Array(repeating: false, count: strings.count)
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
