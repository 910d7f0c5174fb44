/// Walks a parsed template against a context, appending everything into one
/// output buffer. One renderer serves one `render` call, including its partials.
struct MustacheRenderer {
    /// How deep sections and partials may nest while rendering. A partial that
    /// includes itself (directly or through a truthy value it keeps finding on the
    /// stack) would otherwise recurse until the stack overflows; past this depth
    /// the renderer prints nothing more on that branch instead.
    static let maximumDepth = 100

    private(set) var output = ""
    private var context: MustacheContextStack
    private var depth = 0
    private var budget = MustacheRenderBudget()
    private var reachedDepthLimit = false

    /// True when rendering skipped something because the budget ran out or the
    /// nesting went past `maximumDepth`, so `output` is incomplete.
    var wasTruncated: Bool { budget.isExhausted || reachedDepthLimit }

    init(context: MustacheValue, expectedLength: Int) {
        self.context = MustacheContextStack(root: context)
        output.reserveCapacity(expectedLength)
    }

    /// Renders `nodes`. `indentation` is prefixed to every source line when the
    /// nodes belong to a standalone partial; it is empty otherwise.
    mutating func render(_ nodes: [MustacheNode], indentation: String,
                         partials: (String) -> MustacheTemplate?) {
        for node in nodes {
            guard budget.spend(outputBytes: output.utf8.count) else { return }
            switch node {
            case .text(let text):
                if indentation.isEmpty {
                    output += text
                } else {
                    appendIndented(text, indentation: indentation)
                }
            case .lineStart:
                output += indentation
            case .variable(let path, let escaped):
                let text = context.resolve(path).interpolationText
                if escaped {
                    MustacheHTMLEscaping.append(text, to: &output)
                } else {
                    output += text
                }
            case .section(let path, let inverted, let children):
                renderSection(path, inverted: inverted, children: children,
                              indentation: indentation, partials: partials)
            case .partial(let name, let partialIndentation):
                renderPartial(name, indentation: partialIndentation.map { indentation + $0 } ?? "",
                              partials: partials)
            }
        }
    }

    private mutating func renderSection(_ path: MustachePath, inverted: Bool, children: [MustacheNode],
                                        indentation: String, partials: (String) -> MustacheTemplate?) {
        guard depth < Self.maximumDepth else {
            reachedDepthLimit = true
            return
        }
        let value = context.resolve(path)
        depth += 1
        defer { depth -= 1 }
        if inverted {
            if !value.isTruthy {
                render(children, indentation: indentation, partials: partials)
            }
            return
        }
        if case .list(let items) = value {
            for item in items {
                // Charged per item too, so loops over empty bodies still count.
                guard budget.spend(outputBytes: output.utf8.count) else { return }
                context.push(item)
                render(children, indentation: indentation, partials: partials)
                context.pop()
            }
        } else if value.isTruthy {
            context.push(value)
            render(children, indentation: indentation, partials: partials)
            context.pop()
        }
    }

    private mutating func renderPartial(_ name: String, indentation: String,
                                        partials: (String) -> MustacheTemplate?) {
        guard depth < Self.maximumDepth else {
            reachedDepthLimit = true
            return
        }
        guard let partial = partials(name) else { return }
        depth += 1
        defer { depth -= 1 }
        render(partial.nodes, indentation: indentation, partials: partials)
    }

    /// Appends text of an indented partial: each line break inside the text starts
    /// a new source line, which gets the indentation. A break at the very end does
    /// not; the `.lineStart` marker that follows (if any line follows) handles it.
    private mutating func appendIndented(_ text: String, indentation: String) {
        // Bytes are scanned, scalars are cut: the index after `\n` is always a
        // scalar boundary (see MustacheHTMLEscaping for why not slice the String).
        let bytes = text.utf8
        let scalars = text.unicodeScalars
        var runStart = bytes.startIndex
        var index = runStart
        while index != bytes.endIndex {
            let next = bytes.index(after: index)
            if bytes[index] == UInt8(ascii: "\n"), next != bytes.endIndex {
                output += Substring(scalars[runStart..<next])
                output += indentation
                runStart = next
            }
            index = next
        }
        output += Substring(scalars[runStart..<bytes.endIndex])
    }
}
