import Foundation
import PorticoModel

/// Reads `comments/*.yaml` (spec section 6): the selector a thread is about and its
/// comments. Comments only reach the team preview, but a broken file still fails
/// the build, so the team learns about it.
public enum CommentThreadReader {
    static let keys = ["target", "thread"]
    static let commentKeys = ["author", "at", "text"]

    /// - Throws: `DiagnosticList` with every problem found.
    public static func read(_ data: Data, path: String) throws -> CommentThread {
        let root: YAMLNode
        do {
            root = try YAMLParser.parse(data, path: path)
        } catch let diagnostic as Diagnostic {
            throw DiagnosticList([diagnostic])
        }
        let reader = YAMLValueReader(path: path)
        let location = root.location(in: path)
        var thread = CommentThread(target: Located("", at: location), thread: [], location: location)
        if root.isNull {
            reader.error("the comment file is empty; it needs `target` and `thread`", at: root)
        } else if let fields = reader.fields(of: root, in: "a comment file", allowed: keys) {
            if let node = reader.required("target", in: fields), let target = reader.string(node, named: "target") {
                thread.target = target
            }
            if let node = reader.required("thread", in: fields),
               let items = reader.sequence(node, named: "thread", of: "comments (`- author: …`)") {
                thread.thread = items.compactMap { comment($0, reader: reader) }
            }
        }
        try reader.throwIfNeeded()
        return thread
    }

    /// `at` is optional and kept as written: `2024-01-10` is a date to YAML but a
    /// label to us.
    private static func comment(_ node: YAMLNode, reader: YAMLValueReader) -> CommentThread.Comment? {
        guard let fields = reader.fields(of: node, in: "a comment", allowed: commentKeys) else { return nil }
        let author = reader.required("author", in: fields).flatMap { reader.string($0, named: "author") }
        let at = fields.optional("at").flatMap { reader.string($0, named: "at") }
        let text = reader.required("text", in: fields).flatMap { reader.string($0, named: "text") }
        guard let author, let text else { return nil }
        return CommentThread.Comment(author: author.value, at: at?.value ?? "", text: text.value)
    }
}
