/// Turns template source into the `MustacheNode` tree in a single pass, applying
/// set-delimiter tags and the spec's standalone-line rules as it goes.
///
/// It works on UTF-8 bytes: delimiters are matched byte for byte, and every offset
/// it cuts at is the edge of a tag, so slices are always whole characters.
struct MustacheParser {
    /// Deeper section nesting than this is refused. No real template comes close,
    /// and both rendering and freeing the tree recurse once per level, so an
    /// unbounded depth from a user's template could overflow the stack.
    static let maximumSectionDepth = 100

    /// A section whose open tag has been read and whose close tag has not.
    struct OpenSection {
        let name: String
        let inverted: Bool
        let tag: MustacheTag
        var children: [MustacheNode] = []
    }

    let bytes: [UInt8]
    let templateName: String
    /// Where the text not yet turned into nodes begins.
    var position = 0
    var delimiters = MustacheDelimiters.standard
    /// True when the next content printed starts a source line, so it needs a
    /// `.lineStart` marker in front (see `MustacheNode.lineStart`).
    var atLineStart = true
    var openSections: [OpenSection] = []
    var rootNodes: [MustacheNode] = []

    init(source: String, templateName: String) {
        self.bytes = Array(source.utf8)
        self.templateName = templateName
    }

    mutating func parse() throws(MustacheError) -> [MustacheNode] {
        while let tagStart = firstIndex(of: delimiters.open, from: position) {
            let tag = try readTag(at: tagStart)
            if tag.kind.mayStandAlone, let line = standaloneLine(of: tag) {
                // The whole line goes: the indentation before the tag and the
                // line break after it. The indentation is kept for partials.
                appendText(upTo: line.indentationStart)
                let indentation = String(decoding: bytes[line.indentationStart..<tag.start], as: UTF8.self)
                position = line.nextLineStart
                try apply(tag, indentation: indentation)
                atLineStart = true
            } else {
                appendText(upTo: tag.start)
                markLineStartIfNeeded()
                position = tag.end
                try apply(tag, indentation: nil)
            }
        }
        appendText(upTo: bytes.count)
        if let unclosed = openSections.last {
            throw error(at: unclosed.tag.start,
                        "section `\(unclosed.name)` opened here is never closed; add `\(closeTagText(unclosed.name))`")
        }
        return rootNodes
    }

    /// Turns one tag into nodes or parser state. `indentation` is the whitespace
    /// before the tag when it stands alone on its line, nil otherwise.
    private mutating func apply(_ tag: MustacheTag, indentation: String?) throws(MustacheError) {
        switch tag.kind {
        case .escapedVariable:
            append(.variable(MustachePath(tag.content), escaped: true))
        case .unescapedVariable:
            append(.variable(MustachePath(tag.content), escaped: false))
        case .section, .invertedSection:
            guard openSections.count < Self.maximumSectionDepth else {
                throw error(at: tag.start, "sections are nested more than \(Self.maximumSectionDepth) deep")
            }
            openSections.append(OpenSection(name: tag.content, inverted: tag.kind == .invertedSection, tag: tag))
        case .sectionEnd:
            guard let open = openSections.popLast() else {
                throw error(at: tag.start, "`\(sourceText(of: tag))` closes a section that was never opened")
            }
            guard open.name == tag.content else {
                let opened = location(of: open.tag.start)
                throw error(at: tag.start,
                            "`\(sourceText(of: tag))` does not match the open section `\(open.name)` "
                                + "(opened at line \(opened.line), column \(opened.column)); "
                                + "expected `\(closeTagText(open.name))`")
            }
            append(.section(MustachePath(open.name), inverted: open.inverted, children: open.children))
        case .comment:
            break
        case .partial:
            append(.partial(name: tag.content, indentation: indentation))
        case .setDelimiters:
            guard let newDelimiters = MustacheDelimiters(setDelimiterContent: tag.content) else {
                throw error(at: tag.start,
                            "`\(sourceText(of: tag))` must name two delimiters separated by a space, "
                                + "without spaces or `=` in them, like `{{=<% %>=}}`")
            }
            delimiters = newDelimiters
        }
    }

    /// Emits the source text from `position` up to `end` as a text node.
    private mutating func appendText(upTo end: Int) {
        guard position < end else { return }
        markLineStartIfNeeded()
        append(.text(String(decoding: bytes[position..<end], as: UTF8.self)))
        // Line breaks inside the text are found at render time; only a break at its
        // very end decides whether the next node starts a line.
        atLineStart = bytes[end - 1] == UInt8(ascii: "\n")
        position = end
    }

    private mutating func markLineStartIfNeeded() {
        guard atLineStart else { return }
        append(.lineStart)
        atLineStart = false
    }

    private mutating func append(_ node: MustacheNode) {
        if openSections.isEmpty {
            rootNodes.append(node)
        } else {
            openSections[openSections.count - 1].children.append(node)
        }
    }

    /// The close tag for `name` in the delimiters in force, for error messages.
    private func closeTagText(_ name: String) -> String {
        String(decoding: delimiters.open, as: UTF8.self) + "/" + name + String(decoding: delimiters.close, as: UTF8.self)
    }
}
