/// A template that cannot be parsed: where it is (1-based line and column in the
/// template's source) and what is wrong.
public struct MustacheError: Error, CustomStringConvertible, Sendable, Hashable {
    public var templateName: String
    public var line: Int
    public var column: Int
    public var message: String

    public init(templateName: String, line: Int, column: Int, message: String) {
        self.templateName = templateName
        self.line = line
        self.column = column
        self.message = message
    }

    /// `name:line:column: message`, the shape editors and terminals turn into links.
    public var description: String {
        "\(templateName):\(line):\(column): \(message)"
    }
}
