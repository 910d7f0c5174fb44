import Foundation
import PorticoModel

/// `portico.lock`: records that multipartner mode was enabled and when. Portico
/// writes it on the first multipartner build; the team commits it. While it
/// exists, turning multipartner off is an error (spec section 7).
public struct LockFile: Hashable, Sendable {
    public static let fileName = "portico.lock"
    public var enabledOn: String
    public var location: SourceLocation

    public init(enabledOn: String, location: SourceLocation = SourceLocation(path: LockFile.fileName)) {
        self.enabledOn = enabledOn
        self.location = location
    }

    /// The file's text. A comment tells a reader why it exists.
    public var text: String {
        """
        # Written by Portico: multipartner mode is on for this workspace and cannot be
        # turned off. Commit this file. Deleting it by hand is the team's explicit act.
        multipartner_enabled: \(enabledOn)

        """
    }

    public static func read(_ data: Data, path: String = LockFile.fileName) throws -> LockFile {
        // The lock is a one-key file Portico writes itself; reading it line by line
        // keeps it independent of the YAML reader's strictness rules.
        let text = String(decoding: data, as: UTF8.self)
        let location = SourceLocation(path: path, line: 1, column: 1)
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        let value = lines.lazy.compactMap { line -> String? in
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("multipartner_enabled:") else { return nil }
            let date = trimmed.dropFirst("multipartner_enabled:".count).trimmingCharacters(in: .whitespaces)
            return date.isEmpty ? nil : date.trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }.first
        guard let value else {
            throw Diagnostic.error("portico.lock is not readable: expected `multipartner_enabled: <date>`", at: location)
        }
        guard value.wholeMatch(of: /\d{4}-\d{2}-\d{2}/) != nil else {
            throw Diagnostic.error("portico.lock is not readable: `multipartner_enabled:` should hold the date "
                                   + "multipartner mode was enabled (YYYY-MM-DD), found `\(value)`", at: location)
        }
        return LockFile(enabledOn: value, location: location)
    }

    /// Today's date in UTC, as the lock records it.
    public static func today(_ now: Date = Date()) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: now)
    }
}
