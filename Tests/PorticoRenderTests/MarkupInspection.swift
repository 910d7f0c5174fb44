import Foundation

/// Reads the HTML the markup renderers produce, for assertions: which tags and
/// attributes it holds and whether any of them is unsafe.
///
/// It relies on what the serialiser guarantees (every attribute written as
/// `name="value"`, every `<` in text escaped), so a regex tokeniser is exact here.
/// The allow-list is restated on purpose rather than read from the implementation:
/// a policy change must show up as a failing test.
enum MarkupInspection {
    /// One start or end tag found in generated HTML.
    struct Tag {
        var name: String
        var isEnd: Bool
        var attributes: [(name: String, value: String)]

        func attribute(_ name: String) -> String? {
            attributes.first { $0.name == name }.map { MarkupInspection.decodeEntities($0.value) }
        }
    }

    static func tags(in html: String) -> [Tag] {
        html.matches(of: #/<(/?)([^\s>/]+)([^>]*)>/#).map { match in
            let attributes = String(match.3).matches(of: #/([^\s="/]+)(?:="([^"]*)")?/#).map {
                (name: String($0.1), value: String($0.2 ?? ""))
            }
            return Tag(name: String(match.2), isEnd: !match.1.isEmpty, attributes: attributes)
        }
    }

    /// Decodes the entities a browser would, enough for the checks here: the five
    /// the escaper writes plus numeric references.
    static func decodeEntities(_ s: String) -> String {
        s.replacing(#/&(#[0-9]+|#[xX][0-9a-fA-F]+|amp|lt|gt|quot|apos);/#) { match in
            let name = String(match.1)
            switch name {
            case "amp": return "&"
            case "lt": return "<"
            case "gt": return ">"
            case "quot": return "\""
            case "apos": return "'"
            default:
                let isHex = name.hasPrefix("#x") || name.hasPrefix("#X")
                let digits = name.dropFirst(isHex ? 2 : 1)
                guard let value = UInt32(digits, radix: isHex ? 16 : 10),
                      let scalar = Unicode.Scalar(value) else { return "\u{FFFD}" }
                return String(Character(scalar))
            }
        }
    }

    /// Everything about `html` that would make it unsafe, as readable findings;
    /// empty when it is safe.
    static func unsafeFindings(in html: String) -> [String] {
        var findings: [String] = []
        for scalar in html.unicodeScalars where scalar.value < 0x20 && scalar != "\n" && scalar != "\t" {
            findings.append("control character U+\(String(scalar.value, radix: 16))")
        }
        if html.contains(#/(?i)&#0*13;|&#x0*d;/#) { findings.append("encoded carriage return") }
        for tag in tags(in: html) {
            guard let allowed = allowedAttributes[tag.name] else {
                findings.append("element <\(tag.name)>")
                continue
            }
            for attribute in tag.attributes where !allowed.contains(attribute.name) {
                findings.append("attribute \(attribute.name) on <\(tag.name)>")
            }
            for name in ["href", "src"] {
                if let url = tag.attribute(name), isDangerous(url) {
                    findings.append("\(name)=\"\(url)\" on <\(tag.name)>")
                }
            }
        }
        return findings
    }

    static let allowedAttributes: [String: Set<String>] = {
        var table: [String: Set<String>] = [:]
        for name in ["p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i",
                     "del", "s", "blockquote", "ul", "li", "dl", "dt", "dd", "table", "thead",
                     "tbody", "tfoot", "tr", "span", "div", "sup", "sub", "kbd", "details", "summary"] {
            table[name] = []
        }
        table["a"] = ["href", "title", "rel"]
        table["img"] = ["src", "alt", "title", "width", "height"]
        table["th"] = ["align", "colspan", "rowspan"]
        table["td"] = ["align", "colspan", "rowspan"]
        table["ol"] = ["start"]
        table["code"] = ["class"]
        table["pre"] = ["class"]
        table["input"] = ["type", "checked", "disabled"]
        return table
    }()

    // Like the B06 check: after decoding, trimming and dropping whitespace and
    // control characters, case-insensitively.
    private static func isDangerous(_ url: String) -> Bool {
        let squeezed = String(String.UnicodeScalarView(url.unicodeScalars.filter {
            $0.value > 0x20 && !$0.properties.isWhitespace && !(0x7F...0x9F).contains($0.value)
        })).lowercased()
        return ["javascript:", "vbscript:", "data:"].contains { squeezed.hasPrefix($0) }
    }
}
