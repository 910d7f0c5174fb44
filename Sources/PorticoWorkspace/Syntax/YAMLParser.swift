import CYAML
import Foundation
import PorticoModel

/// Parses one YAML document with libyaml's event API into a `YAMLNode` tree.
///
/// Strict on purpose, because these files decide what partners see: one document
/// per file, no duplicate keys, no tags other than `!!str`, `!!seq` and `!!map`, and
/// aliases only within limits. Every failure is a `Diagnostic` with a 1-based line
/// and column.
public enum YAMLParser {
    /// Bounds that keep hostile or runaway input cheap to reject.
    public struct Limits: Sendable {
        /// Most nested collections; the tree is walked recursively, so this bounds the stack.
        public var maxDepth: Int
        /// Most nodes that aliases may copy in, in total (the billion-laughs guard).
        public var maxAliasNodes: Int

        public init(maxDepth: Int = 64, maxAliasNodes: Int = 10_000) {
            self.maxDepth = maxDepth
            self.maxAliasNodes = maxAliasNodes
        }
    }

    /// Parses `data` (UTF-8, optional byte-order mark). An empty file, or one with
    /// only comments, is the null node at 1:1.
    /// - Throws: `Diagnostic` at the problem's position in `path`.
    public static func parse(_ data: Data, path: String, limits: Limits = Limits()) throws -> YAMLNode {
        var bytes = [UInt8](data)
        // The encoding is fixed to UTF-8 below, which turns off libyaml's own BOM
        // sniffing, so the mark is dropped here.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        // libyaml asserts on a NULL input pointer, which an empty buffer may have.
        if bytes.isEmpty { return YAMLNode.null() }

        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw Diagnostic.error("could not start the YAML parser (out of memory)", at: SourceLocation(path: path))
        }
        defer { yaml_parser_delete(&parser) }

        return try bytes.withUnsafeBufferPointer { buffer in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            // UTF-8 only (spec section 1): without this a UTF-16 BOM would switch encodings.
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var builder = YAMLTreeBuilder(path: path, limits: limits)
            var documents = 0
            while true {
                var event = yaml_event_t()
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    throw YAMLParserProblem.diagnostic(for: parser, bytes: buffer, path: path)
                }
                defer { yaml_event_delete(&event) }
                if event.type == YAML_STREAM_END_EVENT { break }
                if event.type == YAML_DOCUMENT_START_EVENT {
                    documents += 1
                    if documents > 1 {
                        throw Diagnostic.error("a second YAML document starts here; a workspace file holds exactly one",
                                               at: location(of: event.start_mark, path: path))
                    }
                }
                try YAMLEventTranslator.feed(event, to: &builder, path: path)
            }
            return builder.root ?? YAMLNode.null()
        }
    }

    /// A libyaml mark (0-based) as a 1-based source location.
    static func location(of mark: yaml_mark_t, path: String) -> SourceLocation {
        SourceLocation(path: path, line: Int(mark.line) + 1, column: Int(mark.column) + 1)
    }
}
