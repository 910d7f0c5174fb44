/// Quotes text as one bash word that expands to exactly those characters, whatever they are.
///
/// Plain text goes in single quotes (nothing is special inside them, so `$HOME`, backticks and `!`
/// stay literal, and newlines stay readable). Text with a carriage return, tab, other control
/// character or an invisible/bidi format character goes in ANSI-C `$'…'` quotes instead, where
/// those are written as escapes (line breaks stay line breaks in both forms). Double quotes are never used: `!` inside them triggers history
/// expansion in an interactive shell.
public enum ShellQuote {
    /// Always quoted, even when empty (`''`) or plain.
    public static func quote(_ s: String) -> String {
        if s.unicodeScalars.contains(where: needsEscape) { return ansiC(s) }
        // `'` cannot appear inside single quotes: close, add an escaped quote, reopen.
        var out = "'"
        for c in s {
            out += c == "'" ? "'\\''" : String(c)
        }
        return out + "'"
    }

    /// Left bare when it is a plain token (`POST`, `--digest`), quoted otherwise.
    public static func word(_ s: String) -> String {
        let plain = !s.isEmpty && s.unicodeScalars.allSatisfy { c in
            (c.value < 0x80 && (c.properties.isAlphabetic || ("0"..."9").contains(c)))
                || "_@%+=:,./-".unicodeScalars.contains(c)
        }
        return plain ? s : quote(s)
    }

    /// Characters a reader cannot see or a terminal may act on when pasted (a tab completes).
    static func needsEscape(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x0A: return false                  // a newline is fine and readable inside quotes
        case 0x00..<0x20, 0x7F, 0x80...0x9F: return true
        case 0x200C, 0x200D: return false        // joiners are part of emoji sequences
        default:
            switch c.properties.generalCategory {
            // Format (bidi overrides, zero-width), line and paragraph separators: invisible or
            // reordering text is exactly what a reader must see before running a command.
            case .format, .lineSeparator, .paragraphSeparator: return true
            default: return false
            }
        }
    }

    private static func ansiC(_ s: String) -> String {
        var out = "$'"
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            // `\x27` rather than `\'`: older bash history expansion sees `\'` as the end of a
            // single-quoted span and would then expand a later `!`.
            case "'": out += "\\x27"
            // A newline stays a line break: bash keeps it inside $'…' too, and the text stays readable.
            case "\n": out += "\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if needsEscape(c) {
                    // Raw UTF-8 bytes, not `\u`: `\u` depends on the reader's locale.
                    for byte in String(c).utf8 { out += "\\x" + hex2(byte) }
                } else {
                    out.unicodeScalars.append(c)
                }
            }
        }
        return out + "'"
    }

    static func hex2(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
