/// Decides whether a URL from untrusted markup may stay in an `href` or `src`.
///
/// Allowed: `http:`, `https:`, `mailto:`, and scheme-less URLs (relative paths,
/// `//host` references, `?query` and `#fragment`). Everything else, above all
/// `javascript:`, `vbscript:` and `data:`, is refused.
enum URLPolicy {
    /// What an allowed URL points at.
    enum Kind: Equatable {
        case relative
        /// `http(s)://…` or protocol-relative `//…`: leaves the site.
        case web
        case mail
    }

    /// An allowed URL, trimmed, with its kind.
    struct Verdict: Equatable {
        var url: String
        var kind: Kind
    }

    /// Judges an attribute value that has already been entity-decoded (libxml2 does
    /// that while parsing). Returns nil when the URL must be dropped.
    static func check(_ value: String) -> Verdict? {
        let scalars = value.unicodeScalars
        guard let start = scalars.firstIndex(where: { !isIgnorable($0) }),
              let last = scalars.lastIndex(where: { !isIgnorable($0) })
        else { return Verdict(url: "", kind: .relative) }
        let trimmed = String(scalars[start...last])

        switch scheme(of: trimmed) {
        case .none:
            let opensHost = trimmed.hasPrefix("//") || trimmed.hasPrefix("\\\\")
                || trimmed.hasPrefix("/\\") || trimmed.hasPrefix("\\/")
            return Verdict(url: trimmed, kind: opensHost ? .web : .relative)
        case .some("http"), .some("https"):
            return Verdict(url: trimmed, kind: .web)
        case .some("mailto"):
            return Verdict(url: trimmed, kind: .mail)
        case .some:
            return nil
        }
    }

    // The scheme as a browser would read it, but stricter: whitespace, control and
    // invisible format characters anywhere before the colon are ignored (old
    // browsers and some URL parsers skip them inside "java\tscript:"), case is
    // folded, and any colon before the first `/`, `?` or `#` makes what precedes
    // it a scheme even if a browser would not accept it as one. An `&` there means
    // an HTML entity libxml2 does not know (`&colon;`, `&Tab;`), so the value is
    // refused rather than guessed at. Returns nil for scheme-less URLs and ""
    // (never allowed) for the refused ones.
    private static func scheme(of url: String) -> String? {
        var scheme = String.UnicodeScalarView()
        for scalar in url.unicodeScalars {
            if isIgnorable(scalar) { continue }
            switch scalar {
            case ":": return String(scheme).lowercased()
            case "/", "\\", "?", "#": return nil
            case "&": return ""
            default: scheme.append(scalar)
            }
        }
        return nil
    }

    private static func isIgnorable(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value <= 0x20 || (0x7F...0x9F).contains(scalar.value)
            || scalar.properties.isWhitespace
            || scalar.properties.generalCategory == .format
    }
}
