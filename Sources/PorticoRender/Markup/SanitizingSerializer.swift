import CLibXML2

/// Writes a libxml2 HTML tree back out as HTML, keeping only what `SanitizerPolicy`
/// allows and escaping every text and attribute value with `HTMLEscape`.
///
/// The walk is iterative (an explicit stack of closing tags) so that hostile
/// nesting thousands of levels deep cannot overflow the thread's stack.
struct SanitizingSerializer {
    private var output = ""
    private var relativeLinks = RelativeLinks.keep

    /// Serialises `first` and its following siblings, with their descendants.
    static func serialize(_ first: xmlNodePtr?, relativeLinks: RelativeLinks = .keep) -> String {
        var serializer = SanitizingSerializer()
        serializer.relativeLinks = relativeLinks
        serializer.walk(from: first)
        return serializer.output
    }

    private mutating func walk(from first: xmlNodePtr?) {
        // One entry per element we are inside: the closing tag to write on the way
        // out, or nil for an unwrapped element.
        var closers: [String?] = []
        var node = first
        while let current = node {
            if let child = visit(current, closers: &closers) {
                node = child
                continue
            }
            node = nil
            var cursor = current
            while true {
                if let next = cursor.pointee.next {
                    node = next
                    break
                }
                guard let closer = closers.popLast(), let parent = cursor.pointee.parent else { break }
                if let closer { output += closer }
                cursor = parent
            }
        }
    }

    /// Writes what `node` contributes before its children and returns its first
    /// child if the walk should descend (having pushed the closer).
    private mutating func visit(_ node: xmlNodePtr, closers: inout [String?]) -> xmlNodePtr? {
        switch node.pointee.type {
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            if let content = node.pointee.content {
                output += HTMLEscape.text(String(cString: content))
            }
            return nil
        case XML_ENTITY_REF_NODE:
            // An entity libxml2 kept by name: show it as the author typed it.
            if let name = node.pointee.name {
                output += "&amp;" + HTMLEscape.text(String(cString: name)) + ";"
            }
            return nil
        case XML_ELEMENT_NODE:
            return enter(node, closers: &closers)
        default:
            // Comments, processing instructions, doctypes: never content.
            return nil
        }
    }

    private mutating func enter(_ element: xmlNodePtr, closers: inout [String?]) -> xmlNodePtr? {
        guard let rawName = element.pointee.name else { return nil }
        // libxml2's HTML parser already lower-cases tag and attribute names.
        let name = String(cString: rawName)
        var closer: String?
        switch SanitizerPolicy.action(for: name) {
        case .drop:
            return nil
        case .unwrap:
            closer = nil
        case .keep:
            guard let allowed = SanitizerPolicy.attributes(of: name, Self.attributes(of: element)) else {
                return nil
            }
            let attributes: [SanitizerPolicy.Attribute]
            switch relativeLinks.adjust(name, allowed) {
            case .drop:
                return nil
            case .unwrap:
                // The link's text is the author's prose and stays; only the link goes.
                guard let child = element.pointee.children else { return nil }
                closers.append(nil)
                return child
            case .write(let kept):
                attributes = kept
            }
            output += "<" + name
            for attribute in attributes {
                output += " " + attribute.name + "=\"" + HTMLEscape.attribute(attribute.value) + "\""
            }
            output += ">"
            closer = SanitizerPolicy.voidElements.contains(name) ? nil : "</" + name + ">"
        }
        guard let child = element.pointee.children else {
            if let closer { output += closer }
            return nil
        }
        closers.append(closer)
        return child
    }

    // The HTML parser stores an attribute's decoded value as text children (none
    // for a bare boolean attribute such as `disabled`), so no copy has to be freed.
    private static func attributes(of element: xmlNodePtr) -> [SanitizerPolicy.Attribute] {
        var result: [SanitizerPolicy.Attribute] = []
        var property = element.pointee.properties
        while let attribute = property {
            property = attribute.pointee.next
            guard let rawName = attribute.pointee.name else { continue }
            var value = ""
            var part = attribute.pointee.children
            while let text = part {
                if let content = text.pointee.content { value += String(cString: content) }
                part = text.pointee.next
            }
            result.append((String(cString: rawName), value))
        }
        return result
    }
}
