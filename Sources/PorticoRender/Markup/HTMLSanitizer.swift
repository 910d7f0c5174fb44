import CLibXML2

/// The single gate between untrusted HTML and a page: parses with libxml2's
/// forgiving HTML parser and writes back only what `SanitizerPolicy` allows.
///
/// Because the output is re-serialised from the parse tree (never patched source),
/// it is always balanced, every text and attribute value is escaped, and nothing
/// the parser did not understand as allowed markup can survive.
public enum HTMLSanitizer {
    /// Returns the allow-listed part of `html` as HTML. Never fails; input the
    /// parser cannot make sense of yields less output, not unsafe output.
    public static func sanitize(_ html: String, relativeLinks: RelativeLinks = .keep) -> String {
        let source = LineEndings.normalize(html)
        // Without `<` or `&` there is no markup and no entity: plain escaping gives
        // the same result without building a document.
        guard source.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }) else {
            return HTMLEscape.text(source)
        }
        return LibXMLHTML.withDocument(parsing: source) { document in
            SanitizingSerializer.serialize(document.pointee.children, relativeLinks: relativeLinks)
        } ?? ""
    }
}

/// libxml2's HTML parser, initialised once and used with fixed options.
enum LibXMLHTML {
    /// Parses `html` as UTF-8, hands the tree to `body` and frees it afterwards.
    /// Returns nil when libxml2 produced no document.
    static func withDocument<T>(parsing html: String, _ body: (htmlDocPtr) -> T) -> T? {
        _ = initialized
        var source = html
        return source.withUTF8 { bytes -> T? in
            guard let base = bytes.baseAddress, bytes.count < Int(Int32.max) else { return nil }
            let chars = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
            guard let document = htmlReadMemory(chars, Int32(bytes.count), nil, "UTF-8", options) else {
                return nil
            }
            defer { xmlFreeDoc(document) }
            return body(document)
        }
    }

    // NOERROR/NOWARNING: malformed input is normal here and must not spam stderr.
    // NONET: never fetch anything an input refers to. IGNORE_ENC: the bytes are
    // UTF-8 because they come from a Swift String; a `<meta charset>` in the input
    // must not make libxml2 decode them as something else.
    private static let options = Int32(
        HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue
    )

    // libxml2 is safe to use from several threads only after xmlInitParser has run
    // once; a static let runs it exactly once, on first use.
    private static let initialized: Bool = {
        xmlInitParser()
        return true
    }()
}
