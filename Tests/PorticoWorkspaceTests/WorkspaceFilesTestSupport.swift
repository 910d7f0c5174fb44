import Foundation
import PorticoModel

/// The diagnostics a reader or the parser throws, flattened; empty when it succeeds.
func thrownDiagnostics(_ body: () throws -> Void) -> [Diagnostic] {
    do {
        try body()
        return []
    } catch let list as DiagnosticList {
        return list.diagnostics
    } catch let diagnostic as Diagnostic {
        return [diagnostic]
    } catch {
        return [Diagnostic.error("unexpected error type: \(error)")]
    }
}

/// `line:column` of a diagnostic, the part tests compare.
func lineColumn(_ diagnostic: Diagnostic?) -> String {
    guard let location = diagnostic?.location else { return "none" }
    return "\(location.line.map(String.init) ?? "-"):\(location.column.map(String.init) ?? "-")"
}

extension Data {
    /// Inline fixtures read as the files they stand for.
    init(yaml text: String) {
        self.init(text.utf8)
    }
}
