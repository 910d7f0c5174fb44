import Foundation

/// Build-id state shared between `portico watch --serve` (which bumps it after each
/// publish) and the server thread (which reports it to open pages).
///
/// Pages poll `GET /__portico/build-id` every 500 ms instead of holding a
/// server-sent-events stream: with libmicrohttpd's single internal polling thread a
/// long-lived stream needs suspend/resume bookkeeping, while a poll is one short
/// request that survives server restarts and sleeping laptops without special cases.
final class LiveReload: @unchecked Sendable {
    // Guards `buildID` and `isEnabled`; every access goes through it.
    private let lock = NSLock()
    private var buildID: UInt64 = 0
    private var isEnabled = false

    static let buildIDPath = "/__portico/build-id"
    static let scriptPath = "/__portico/reload.js"
    static let scriptTag = "<script src=\"/__portico/reload.js\"></script>"

    var enabled: Bool {
        get { lock.withLock { isEnabled } }
        set { lock.withLock { isEnabled = newValue } }
    }

    var currentBuildID: UInt64 { lock.withLock { buildID } }

    func bump() {
        lock.withLock { buildID &+= 1 }
    }

    /// Polls the build id and reloads when it differs from the first one seen.
    /// A failed poll (server restarting mid-build) just waits a little longer.
    static let script = """
        (function () {
          var seen = null;
          function check() {
            fetch("/__portico/build-id", { cache: "no-store" })
              .then(function (r) { return r.ok ? r.text() : Promise.reject(r.status); })
              .then(function (id) {
                if (seen === null) { seen = id; }
                else if (id !== seen) { location.reload(); return; }
                setTimeout(check, 500);
              }, function () { setTimeout(check, 1000); });
          }
          check();
        })();

        """

    /// Inserts the script tag before the last `</body>` (any case), or appends it when
    /// the page has none. Works on bytes so a page is never re-encoded.
    static func inject(into html: [UInt8]) -> [UInt8] {
        let tag = Array(scriptTag.utf8)
        let closing = Array("</body".utf8)
        var index = html.count - closing.count
        while index >= 0 {
            if matchesIgnoringASCIICase(html, at: index, closing) {
                var result = html
                result.insert(contentsOf: tag, at: index)
                return result
            }
            index -= 1
        }
        return html + tag
    }

    private static func matchesIgnoringASCIICase(_ bytes: [UInt8], at start: Int, _ needle: [UInt8]) -> Bool {
        for offset in 0..<needle.count {
            var byte = bytes[start + offset]
            // ASCII upper → lower; the needle is already lowercase.
            if byte >= 0x41 && byte <= 0x5A { byte += 0x20 }
            if byte != needle[offset] { return false }
        }
        return true
    }
}
