/// A problem found in the input, printed compiler style:
/// `path:line:column: error: message`. Diagnostics are data: stages collect them
/// and the command line prints them once.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning, note }

    public var severity: Severity
    public var location: SourceLocation?
    public var message: String

    public init(_ severity: Severity = .error, _ message: String, at location: SourceLocation? = nil) {
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation? = nil) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    public var description: String {
        if let location { return "\(location): \(severity.rawValue): \(message)" }
        return "portico: \(severity.rawValue): \(message)"
    }
}

/// Several diagnostics thrown together, because a stage reports every problem it
/// found, not just the first.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}
