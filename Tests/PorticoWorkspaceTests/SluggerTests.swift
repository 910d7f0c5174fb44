import Foundation
import Testing
@testable import PorticoWorkspace

/// Page slugs: readable in any script, unique within a scope, and safe as file
/// names on every system a site may be copied to.
@Suite("Slugger")
struct SluggerTests {
    @Test("letters and digits of every script are kept, lowercased, words joined by `-`", arguments: [
        ("Create a charge", "create-a-charge"),
        ("  List   charges  ", "list-charges"),
        ("GET /users/{id}", "get-users-id"),
        ("v2.1 Beta", "v2-1-beta"),
        ("注文一覧", "注文一覧"),
        ("注文 一覧", "注文-一覧"),
        ("Платежи API", "платежи-api"),
        ("Παραγγελίες", "παραγγελίες"),
        ("الطلبات", "الطلبات"),
        ("हिन्दी", "हिन्दी"),
        ("Straße", "straße"),
        ("١٢٣", "١٢٣"),
    ])
    func readable(_ name: String, _ expected: String) {
        #expect(Slugger.base(name) == expected)
    }

    @Test("accents are kept, and an accented name does not collide with its ASCII twin")
    func accents() {
        #expect(Slugger.base("Résumé") == "résumé")
        var slugger = Slugger()
        let accented = slugger.slug(for: "Café")
        let plain = slugger.slug(for: "Cafe")
        #expect(accented == "café")
        #expect(plain == "cafe")
        #expect(accented != plain)
    }

    @Test("composed and decomposed spellings of a name are the same slug, so they are de-duplicated")
    func normalisation() {
        let composed = "Caf\u{E9}"
        let decomposed = "Cafe\u{301}"
        #expect(Slugger.base(composed) == Slugger.base(decomposed))
        var slugger = Slugger()
        let a = slugger.slug(for: composed)
        let b = slugger.slug(for: decomposed)
        #expect(a != b)
        #expect(a.precomposedStringWithCanonicalMapping != b.precomposedStringWithCanonicalMapping)
    }

    @Test("a name of symbols only is spelled with their names", arguments: [
        ("🚀", "rocket"),
        ("🚀🚀", "rocket-rocket"),
        ("🛰️", "satellite"),
        ("👩‍💻", "woman-personal-computer"),
        ("#", "number-sign"),
        ("∑", "n-ary-summation"),
    ])
    func symbolNames(_ name: String, _ expected: String) {
        #expect(Slugger.base(name) == expected)
    }

    @Test("a symbol beside words is dropped, the words kept", arguments: [
        ("🚀 Launch", "launch"),
        ("Launch 🚀", "launch"),
        ("🛰️ Satellites", "satellites"),
    ])
    func symbolBesideWords(_ name: String, _ expected: String) {
        #expect(Slugger.base(name) == expected)
    }

    @Test("repeated names get -2, -3, … in the order they come")
    func duplicates() {
        var slugger = Slugger()
        let slugs = ["Create", "Create", "create", "CREATE!", "Other"].map { slugger.slug(for: $0) }
        #expect(slugs == ["create", "create-2", "create-3", "create-4", "other"])
    }

    @Test("a name that looks like a numbered duplicate cannot steal or repeat a slug")
    func numberedLookalike() {
        var slugger = Slugger()
        let slugs = ["Create 2", "Create", "Create", "Create", "Create-3"].map { slugger.slug(for: $0) }
        #expect(Set(slugs).count == slugs.count, "\(slugs)")
        #expect(slugs[0] == "create-2")
        #expect(slugs[1] == "create")
    }

    @Test("reserved slugs given to a scope are never handed out")
    func reservedScope() {
        var slugger = Slugger(reserved: ["search", "team"])
        #expect(slugger.slug(for: "Search") == "search-2")
        #expect(slugger.slug(for: "Team") == "team-2")
    }

    @Test("the same name in a fresh scope gets the same slug (stable across builds)")
    func stable() {
        let names = ["Create", "Create", "注文", "🚀", "con"]
        var a = Slugger(), b = Slugger()
        #expect(names.map { a.slug(for: $0) } == names.map { b.slug(for: $0) })
    }

    @Test("Windows reserved device names and `index` are avoided, whatever their case", arguments: [
        "con", "CON", "Con", "prn", "aux", "nul", "NUL", "com1", "COM9", "lpt1", "LPT9", "index", "Index", "INDEX",
        " con ", "nul!", "(index)",
    ])
    func reservedNames(_ name: String) {
        let slug = Slugger.base(name)
        #expect(!Slugger.windowsReserved.contains(slug.lowercased()))
        #expect(slug.lowercased() != "index")
        #expect(slug.hasPrefix(name.lowercased().filter { $0.isLetter || $0.isNumber }))
    }

    @Test("a long name is cut to at most 60 characters, not ending in `-`", arguments: [
        String(repeating: "a", count: 500),
        String(repeating: "word ", count: 100),
        String(repeating: "注", count: 200),
        String(repeating: "é", count: 200),
        String(repeating: "e\u{301}", count: 200),
        String(repeating: "a", count: 59) + " b c",
        "🇯🇵",
    ])
    func longNames(_ name: String) {
        let slug = Slugger.base(name)
        #expect(!slug.isEmpty)
        #expect(slug.count <= 60)
        #expect(slug.utf8.count <= 255)
        #expect(!slug.hasSuffix("-"))
    }

    @Test("a long name's numbered duplicates are still distinct")
    func longDuplicates() {
        var slugger = Slugger()
        let name = String(repeating: "x", count: 300)
        let slugs = (0..<3).map { _ in slugger.slug(for: name) }
        #expect(Set(slugs).count == 3)
        #expect(slugs.allSatisfy { $0.utf8.count <= 64 })
    }

    static let hostileNames: [String] = [
        "", " ", "\t\n", "-", "--", "_", "___", ".", "..", "...", "/", "//", "\\", "\\\\",
        "../../etc/passwd", "..\\..\\boot.ini", "C:\\Windows\\System32", "a/b", "a\\b", "/absolute",
        "name.", "name ", ".hidden", "file.html", "%2e%2e%2f", "<script>alert(1)</script>", "\"quoted\"",
        "a:b", "a*b", "a?b", "a|b", "a<b>c", "\u{0}", "nul\u{0}", "\u{7}bell", "\u{7F}", "\u{1B}[31mred",
        "\u{200B}", "\u{200B}zero width", "\u{202E}evil", "\u{FEFF}bom", "\u{301}", "\u{301}\u{301}x",
        "\u{93E}", " \u{93E}", "a \u{93E}", "\u{345}", "x \u{345}", "\u{20E3}", "#️⃣", "1️⃣",
        "🚀", "🛰️", "🛰\u{FE0F}\u{FE0F}", "👩‍💻", "🇯🇵", "🏳️‍🌈", "\u{FE0F}", "\u{200D}",
        "con", "con.txt", "NUL", "index", "index.html",
        "!!!", "@#$%^&*()", "—", "…", "'", "’", "∑", "€", "¿?", "¯\\_(ツ)_/¯",
        String(repeating: "/", count: 300), String(repeating: "ü", count: 300), String(repeating: "🚀", count: 50),
    ]

    @Test("every name, however hostile, becomes a non-empty, portable file name", arguments: hostileNames)
    func hostile(_ name: String) {
        let slug = Slugger.base(name)
        #expect(!slug.isEmpty)
        #expect(slug != "." && slug != "..")
        for forbidden in ["/", "\\", ".", ":", "*", "?", "\"", "<", ">", "|", " "] {
            #expect(!slug.contains(forbidden), "\(slug.debugDescription) contains \(forbidden)")
        }
        #expect(!slug.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0.properties.isWhitespace },
                "\(slug.debugDescription) contains a control or space character")
        #expect(!slug.hasPrefix("-") && !slug.hasSuffix("-"))
        #expect(slug.count <= 60)
        #expect(slug.utf8.count <= 255)
        #expect(!Slugger.windowsReserved.contains(slug) && slug != "index")
        #expect(slug == slug.lowercased())
        #expect(Slugger.base(name) == slug, "not stable")
    }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    @Test("a combining mark is never left on its own: not first, not after a `-`", arguments: hostileNames)
    func noLoneMark(_ name: String) {
        let scalars = Array(Slugger.base(name).unicodeScalars)
        guard let first = scalars.first else { return }
        #expect(!Self.isMark(first), "\(Slugger.base(name).debugDescription) starts with a combining mark")
        for (previous, scalar) in zip(scalars, scalars.dropFirst()) where previous == "-" {
            #expect(!Self.isMark(scalar), "\(Slugger.base(name).debugDescription) has a mark after `-`")
        }
        // Split by characters, a `-` glued to a mark would not be a separator any more.
        #expect(Slugger.base(name).split(separator: "-").joined(separator: "-") == Slugger.base(name))
    }

    @Test("all hostile names in one scope get distinct slugs, also ignoring case")
    func hostileUnique() {
        var slugger = Slugger()
        let slugs = Self.hostileNames.map { slugger.slug(for: $0) }
        #expect(Set(slugs).count == slugs.count)
        #expect(Set(slugs.map { $0.lowercased().precomposedStringWithCanonicalMapping }).count == slugs.count)
    }
}
