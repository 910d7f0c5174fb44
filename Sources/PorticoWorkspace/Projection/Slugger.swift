import Foundation

/// Hands out page slugs that are non-empty, unique within one scope, stable for the
/// same input, and portable as file names (Linux, macOS, Windows; unique ignoring
/// case and Unicode normalisation). Letters and digits of any script are kept, so
/// `注文一覧` stays readable; symbols become their Unicode names (`🚀` → `rocket`).
public struct Slugger: Sendable {
    private var used: Set<String>

    public init(reserved: Set<String> = []) {
        used = reserved
    }

    /// A fresh slug for `name` in this scope; repeated names get `-2`, `-3`, ….
    public mutating func slug(for name: String) -> String {
        let base = Slugger.base(name)
        var candidate = base
        var n = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }

    static let windowsReserved: Set<String> = [
        "con", "prn", "aux", "nul",
        "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8", "com9",
        "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
    ]

    /// The slug of a name before de-duplication.
    public static func base(_ name: String) -> String {
        var slug = words(name.precomposedStringWithCanonicalMapping.lowercased())
        if slug.isEmpty {
            slug = words(symbolNames(name))
        }
        if slug.isEmpty { slug = "item" }
        // Keep file names well under every file system's 255-byte limit.
        if slug.count > 60 {
            slug = String(slug.prefix(60))
            while slug.hasSuffix("-") { slug.removeLast() }
        }
        if windowsReserved.contains(slug) || slug == "index" { slug += "-page" }
        return slug
    }

    /// Letters, digits and marks kept; every other run of characters becomes one `-`.
    private static func words(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let p = scalar.properties
            let isMark = p.generalCategory == .nonspacingMark || p.generalCategory == .spacingMark
            // A combining mark is kept only on a letter it follows; variation
            // selectors and joiners (as in emoji) never make a slug on their own.
            // Decided for marks before `isAlphabetic`: some marks count as alphabetic
            // (a Devanagari vowel sign, U+0345) and would otherwise start a slug or follow a `-`.
            let keep = isMark ? (!pendingDash && !out.isEmpty)
                : scalar.isASCII
                ? (("a"..."z").contains(Character(scalar)) || ("0"..."9").contains(Character(scalar)))
                : (p.isAlphabetic || p.numericType != nil)
            if isMark && !keep { continue }
            if keep {
                if pendingDash && !out.isEmpty { out += "-" }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        return out
    }

    /// `🛰️` → "satellite": names of the symbols in a name with no letters or digits.
    private static func symbolNames(_ text: String) -> String {
        text.unicodeScalars.compactMap { scalar -> String? in
            guard scalar.properties.isEmoji || scalar.properties.generalCategory == .otherSymbol
                || scalar.properties.generalCategory == .mathSymbol else { return nil }
            return scalar.properties.name?.lowercased()
        }.joined(separator: " ")
    }
}
