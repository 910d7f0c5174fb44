import Foundation
import PorticoModel

/// Where the command line prints: results to standard output, diagnostics to
/// standard error, one per line, compiler style.
enum Console {
    static func out(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    static func err(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    static func report(_ error: Error) {
        switch error {
        case let list as DiagnosticList:
            for d in list.diagnostics { err(d.description) }
            let n = list.diagnostics.filter { $0.severity == .error }.count
            if n > 1 { err("\(n) errors; nothing was published") }
        case let d as Diagnostic: err(d.description)
        case let u as UsageError: err("portico: error: \(u.description)")
        // Our own error types describe themselves; Foundation's localizedDescription
        // would print "The operation could not be completed (… error 2)".
        case let described as CustomStringConvertible: err("portico: error: \(described.description)")
        default: err("portico: error: \(error.localizedDescription)")
        }
    }
}
