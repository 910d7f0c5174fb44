import CYAML
import PorticoModel

/// Turns one libyaml event into a call on `YAMLTreeBuilder`, copying strings out
/// of libyaml's memory (freed with the event) into Swift values.
enum YAMLEventTranslator {
    /// Tags a workspace file may carry. `!!str` is how YAML says "this plain scalar is
    /// a string"; anything else (`!!binary`, `!custom`) has no meaning here.
    private static let stringTag = "tag:yaml.org,2002:str"
    private static let allowedCollectionTags: Set<String> = ["tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"]

    static func feed(_ event: yaml_event_t, to builder: inout YAMLTreeBuilder, path: String) throws {
        let here = YAMLParser.location(of: event.start_mark, path: path)
        let line = here.line ?? 1
        let column = here.column ?? 1
        switch event.type {
        case YAML_SCALAR_EVENT:
            let data = event.data.scalar
            let tag = string(data.tag)
            if let tag, tag != stringTag { throw unsupported(tag: tag, at: here) }
            let text = data.value.map {
                String(decoding: UnsafeBufferPointer(start: $0, count: data.length), as: UTF8.self)
            } ?? ""
            let scalar = YAMLScalar(text, style: style(data.style), isTaggedString: tag == stringTag)
            try builder.scalar(scalar, anchor: string(data.anchor), line: line, column: column)
        case YAML_ALIAS_EVENT:
            try builder.alias(string(event.data.alias.anchor) ?? "", line: line, column: column)
        case YAML_SEQUENCE_START_EVENT:
            let data = event.data.sequence_start
            if let tag = string(data.tag), !allowedCollectionTags.contains(tag) { throw unsupported(tag: tag, at: here) }
            try builder.startCollection(isMapping: false, anchor: string(data.anchor), line: line, column: column)
        case YAML_MAPPING_START_EVENT:
            let data = event.data.mapping_start
            if let tag = string(data.tag), !allowedCollectionTags.contains(tag) { throw unsupported(tag: tag, at: here) }
            try builder.startCollection(isMapping: true, anchor: string(data.anchor), line: line, column: column)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            try builder.endCollection()
        default:
            // Stream and document boundaries carry nothing the tree needs.
            break
        }
    }

    private static func string(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    private static func style(_ style: yaml_scalar_style_t) -> YAMLScalar.Style {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: return .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: return .literal
        case YAML_FOLDED_SCALAR_STYLE: return .folded
        default: return .plain
        }
    }

    private static func unsupported(tag: String, at location: SourceLocation) -> Diagnostic {
        let shown = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
        return Diagnostic.error("the YAML tag `\(shown)` is not supported here; write the value plainly or quote it",
                                at: location)
    }
}
