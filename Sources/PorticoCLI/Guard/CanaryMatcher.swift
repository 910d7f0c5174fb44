/// Finds which of many strings occur in a text in one pass, so the leak guard costs
/// time in proportion to the site's size, not size × number of forbidden strings.
/// Every position's first four bytes are looked up in a bit set of the patterns'
/// four-byte prefixes; only a hit is checked against the patterns themselves.
struct CanaryMatcher: Sendable {
    let patterns: [[UInt8]]
    private var bits: [UInt64]
    private var byPrefix: [UInt32: [Int]]
    private static let bitCount = 1 << 22

    /// Patterns must be at least four bytes long; shorter ones are ignored.
    init(_ strings: [String]) {
        patterns = strings.map { Array($0.utf8) }
        bits = Array(repeating: 0, count: Self.bitCount / 64)
        byPrefix = [:]
        for (index, pattern) in patterns.enumerated() where pattern.count >= 4 {
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
            var i = 0
            while i + 4 <= n {
                let prefix = UInt32(buffer[i]) | UInt32(buffer[i + 1]) << 8 | UInt32(buffer[i + 2]) << 16
                    | UInt32(buffer[i + 3]) << 24
                let h = Self.hash(prefix)
                if bits[h >> 6] & (1 << UInt64(h & 63)) != 0, let candidates = byPrefix[prefix] {
                    for c in candidates where !found.contains(c) {
                        let p = patterns[c]
                        if i + p.count <= n && (4..<p.count).allSatisfy({ buffer[i + $0] == p[$0] }) {
                            found.insert(c)
                        }
                    }
                }
                i += 1
            }
        }
        return found
    }

    private static func word(_ p: [UInt8], _ i: Int) -> UInt32 {
        UInt32(p[i]) | UInt32(p[i + 1]) << 8 | UInt32(p[i + 2]) << 16 | UInt32(p[i + 3]) << 24
    }

    @inline(__always)
    private static func hash(_ x: UInt32) -> Int {
        Int((x &* 2_654_435_761) >> 10) & (bitCount - 1)
    }
}
