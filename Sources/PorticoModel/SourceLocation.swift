/// Where in the workspace something came from: a path relative to the workspace
/// root and, where the input format has them, a 1-based line and column.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var column: Int?

    public init(path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column`, with the parts the input had. Tools (editors, CI
    /// annotations) expect line and column, so a missing one reads as 1.
    public var description: String {
        "\(path):\(line ?? 1):\(column ?? 1)"
    }
}
