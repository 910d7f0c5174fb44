/// The sanitiser's allow-list: which elements survive, which vanish with their
/// content, and which attributes each surviving element may keep.
///
/// Default deny: an element or attribute not named here never reaches a page.
enum SanitizerPolicy {
    /// What happens to an element.
    enum ElementAction: Equatable {
        /// Written out, with its allowed attributes.
        case keep
        /// The tag disappears but its children are still considered.
        case unwrap
        /// The element and everything inside it disappear.
        case drop
    }

    /// An attribute as name and (entity-decoded) value.
    typealias Attribute = (name: String, value: String)

    static func action(for element: String) -> ElementAction {
        if allowedElements.contains(element) { return .keep }
        if droppedWithContent.contains(element) { return .drop }
        return .unwrap
    }

    /// Elements written without a closing tag.
    static let voidElements: Set<String> = ["br", "hr", "img", "input"]

    /// The attributes `element` keeps, in source order (first occurrence wins), plus
    /// any the policy adds. Returns nil when the element itself must be dropped
    /// (an `<input>` that is not a task-list checkbox).
    static func attributes(of element: String, _ source: [Attribute]) -> [Attribute]? {
        if element == "input" { return checkbox(source) }
        var kept: [Attribute] = []
        var seen: Set<String> = []
        var leavesSite = false
        for attribute in source where seen.insert(attribute.name).inserted {
            guard let value = allowedValue(element, attribute.name, attribute.value) else { continue }
            kept.append((attribute.name, value))
            if element == "a", attribute.name == "href", URLPolicy.check(value)?.kind == .web {
                leavesSite = true
            }
        }
        // A page opened from a partner's link must not get a handle on ours
        // (window.opener) nor learn which docs page the reader came from.
        if leavesSite { kept.append(("rel", "noopener noreferrer")) }
        return kept
    }

    private static let allowedElements: Set<String> = [
        "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
        "strong", "b", "em", "i", "del", "s", "code", "pre", "blockquote",
        "ul", "ol", "li", "dl", "dt", "dd",
        "table", "thead", "tbody", "tfoot", "tr", "th", "td",
        "a", "img", "span", "div", "sup", "sub", "kbd", "details", "summary", "input",
    ]

    // Their content is code, a foreign document or form state, never prose worth
    // showing; unwrapping them would print scripts and styles as page text.
    // HTML5 void elements (embed, link, meta, base, frame, param…) are deliberately
    // not here: they have no content, and when libxml2's HTML4 rules leave one open
    // its "children" are really the text that follows it, so they are unwrapped.
    private static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "svg", "math", "template",
        "noscript", "textarea", "select", "frameset", "noembed", "noframes", "applet",
    ]

    private static func allowedValue(_ element: String, _ name: String, _ value: String) -> String? {
        switch (element, name) {
        case ("a", "href"), ("img", "src"):
            return URLPolicy.check(value)?.url
        case ("a", "title"), ("img", "alt"), ("img", "title"):
            return value
        case ("img", "width"), ("img", "height"):
            return digits(value, maxLength: 5)
        case ("th", "align"), ("td", "align"):
            let align = value.trimmingASCIIWhitespace().lowercased()
            return ["left", "center", "right"].contains(align) ? align : nil
        case ("th", "colspan"), ("td", "colspan"), ("th", "rowspan"), ("td", "rowspan"):
            return digits(value, maxLength: 3)
        case ("ol", "start"):
            let trimmed = value.trimmingASCIIWhitespace()
            guard trimmed.hasPrefix("-") else { return digits(trimmed, maxLength: 9) }
            return digits(String(trimmed.dropFirst()), maxLength: 9).map { "-" + $0 }
        case ("code", "class"), ("pre", "class"):
            return isLanguageClass(value) ? value : nil
        default:
            return nil
        }
    }

    // Task lists render as a disabled checkbox; any other input is a form control
    // an attacker could use to phish, so it goes.
    private static func checkbox(_ source: [Attribute]) -> [Attribute]? {
        guard let type = source.first(where: { $0.name == "type" }),
              type.value.trimmingASCIIWhitespace().lowercased() == "checkbox"
        else { return nil }
        var kept: [Attribute] = [("type", "checkbox")]
        if source.contains(where: { $0.name == "checked" }) { kept.append(("checked", "")) }
        kept.append(("disabled", ""))
        return kept
    }

    private static func digits(_ value: String, maxLength: Int) -> String? {
        let trimmed = value.trimmingASCIIWhitespace()
        guard !trimmed.isEmpty, trimmed.utf8.count <= maxLength,
              trimmed.utf8.allSatisfy({ (0x30...0x39).contains($0) })
        else { return nil }
        return trimmed
    }

    // `language-` plus a cmark info-string word such as `c++`, `objective-c`, `c#`.
    private static func isLanguageClass(_ value: String) -> Bool {
        guard value.hasPrefix("language-") else { return false }
        let name = value.utf8.dropFirst("language-".utf8.count)
        return !name.isEmpty && name.count <= 64 && name.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "+"), UInt8(ascii: "#"), UInt8(ascii: "."):
                true
            default:
                false
            }
        }
    }
}

private extension String {
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\u{0C}" }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[first...last])
    }
}
