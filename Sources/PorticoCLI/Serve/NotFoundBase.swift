import Foundation
import PorticoRender

/// Gives a served `404.html` a `<base href>` naming the folder it was found in.
///
/// The server sends a site's 404 page for a missing URL at any depth, where its
/// relative links (stylesheet, navigation) would resolve against the missing URL's
/// folder. The built page only carries a `<base>` when base_url said where the site
/// lives on its real host, which is not where `portico serve` has it; so any `<base>`
/// in the page is replaced by the one that is right here.
enum NotFoundBase {
    static func pin(_ html: [UInt8], to folder: String) -> [UInt8] {
        // A page that is not UTF-8 or has no <head> (a theme override) is sent as built:
        // no guessing where a tag may go.
        guard var text = String(bytes: html, encoding: .utf8) else { return html }
        text = text.replacingOccurrences(of: #"<base(\s[^>]*)?>"#, with: "",
                                         options: [.regularExpression, .caseInsensitive])
        guard let head = text.range(of: #"<head(\s[^>]*)?>"#, options: [.regularExpression, .caseInsensitive]) else {
            return html
        }
        text.insert(contentsOf: "<base href=\"\(HTMLEscape.attribute(folder))\">", at: head.upperBound)
        return Array(text.utf8)
    }
}
