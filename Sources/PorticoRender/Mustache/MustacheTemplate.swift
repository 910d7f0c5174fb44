/// A Mustache template, parsed once at init into a node tree and then rendered any
/// number of times against different contexts.
///
/// Supports the spec's interpolation, sections, inverted sections, comments,
/// partials and set-delimiter tags. Lambdas are not supported: a `MustacheValue`
/// is plain data, which is also what keeps templates from running code.
public struct MustacheTemplate: Sendable {
    /// The name given at init; errors and diagnostics use it.
    public let name: String
    let nodes: [MustacheNode]
    /// The template's literal text length in bytes: a cheap lower bound to reserve
    /// for the output so the buffer rarely regrows.
    private let literalLength: Int

    /// Parses `source`. Throws a `MustacheError` pointing at the offending tag for
    /// an unclosed tag or section, a mismatched or stray close tag, a bad
    /// set-delimiter tag, or a tag without a usable name.
    public init(source: String, name: String) throws {
        var parser = MustacheParser(source: source, templateName: name)
        self.name = name
        self.nodes = try parser.parse()
        self.literalLength = Self.literalLength(of: nodes)
    }

    /// Renders against `context`. `partials` is asked for each `{{> name}}` as it is
    /// reached; a partial it does not know renders as nothing, as the spec says.
    ///
    /// Rendering stops early (the output is cut short) if a template would exceed
    /// `MustacheRenderBudget`, which only runaway templates do, e.g. a partial that
    /// includes itself twice; `renderReportingTruncation` tells when that happened.
    public func render(_ context: MustacheValue, partials: (String) -> MustacheTemplate?) -> String {
        renderReportingTruncation(context, partials: partials).output
    }

    /// Like `render`, and also says whether the output was cut short because the
    /// template exceeded its work budget or nested past the depth limit, so a caller
    /// can report the template instead of shipping a broken page silently.
    public func renderReportingTruncation(_ context: MustacheValue,
                                          partials: (String) -> MustacheTemplate?)
        -> (output: String, truncated: Bool) {
        var renderer = MustacheRenderer(context: context, expectedLength: literalLength)
        renderer.render(nodes, indentation: "", partials: partials)
        return (renderer.output, renderer.wasTruncated)
    }

    private static func literalLength(of nodes: [MustacheNode]) -> Int {
        var length = 0
        for node in nodes {
            switch node {
            case .text(let text): length += text.utf8.count
            case .section(_, _, let children): length += literalLength(of: children)
            case .variable, .partial, .lineStart: break
            }
        }
        return length
    }
}
