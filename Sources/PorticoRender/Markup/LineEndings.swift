/// Clean-up applied to authored text before any parser sees it: line endings are
/// unified to LF and NUL characters are removed.
///
/// Postman and Windows editors write CRLF, and generators that handle it in one
/// place but not another leave raw `|---|` tables or stray `\r` in pages (B08).
/// Normalising once, first, means no parser, extension or escaper downstream has
/// to get CR right. NUL has no meaning in text and C parsers read it as the end.
enum LineEndings {
    /// Returns `s` with CRLF and lone CR turned into LF and NUL removed.
    static func normalize(_ s: String) -> String {
        let utf8 = s.utf8
        guard utf8.contains(where: { $0 == 0x0D || $0 == 0x00 }) else { return s }

        var out: [UInt8] = []
        out.reserveCapacity(utf8.count)
        var previousWasCR = false
        for byte in utf8 {
            switch byte {
            case 0x0D:
                out.append(0x0A)
            case 0x0A where previousWasCR:
                break  // second half of a CRLF pair, already emitted as LF
            case 0x00:
                // A NUL between CR and LF must not split the pair into two lines.
                continue
            default:
                out.append(byte)
            }
            previousWasCR = byte == 0x0D
        }
        return String(decoding: out, as: UTF8.self)
    }
}
