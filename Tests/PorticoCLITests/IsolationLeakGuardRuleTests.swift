import Foundation
import PorticoModel
import PorticoWorkspace
import Testing
@testable import PorticoCLI

/// The false-alarm rule where it is sharpest: text the team wrote into something alpha
/// may see, which the guard must stop when it names what alpha must not see, and pass
/// when it is a coincidence. Each case comes from an adversarial pass.
@Suite("Isolation: the leak guard's rule on the team's own text")
struct IsolationLeakGuardRuleTests {
    typealias W = IsolationLeakGuardTests

    /// The findings when `phrase` is written into the description of a request alpha sees.
    private func leaks(describing phrase: String, changes: [String: String] = [:]) throws -> String {
        let orders = W.files["collections/orders.json"]!.replacingOccurrences(of: "Lists orders.", with: "Lists orders. \(phrase)")
        var all = changes
        all["collections/orders.json"] = all["collections/orders.json"] ?? orders
        let ws = try W.workspace(all)
        let site = SiteProjection.project(ws, for: .partner("alpha"))
        return W.leaks(ws, try W.rendered(site), site: site, as: "alpha").joined(separator: "\n")
    }

    @Test("an internal item's multi-word name or a team comment in visible text is a leak", arguments: [
        ("Try Force refund ZQINTERNAL first.", "the name of hidden item"),
        ("Note: ZQCOMMENT should this page mention paging?", "a team comment"),
    ])
    func hiddenTextInVisibleText(_ phrase: String, _ what: String) throws {
        let messages = try leaks(describing: phrase)
        #expect(messages.contains(what), "\(messages)")
    }

    @Test("a hidden item's name is no leak where alpha sees an item of the same name")
    func sameNameVisible() throws {
        // An internal folder holding `List orders`, beside the visible `List orders`.
        let orders = W.files["collections/orders.json"]!.replacingOccurrences(
            of: #"{"name": "Force refund ZQINTERNAL""#, with: #"{"name": "List orders""#)
        let messages = try leaks(describing: "", changes: ["collections/orders.json": orders])
        #expect(messages == "", "\(messages)")
    }

    @Test("a link to a hidden item's page carries its page name and is caught")
    func linkToHiddenPage() throws {
        let messages = try leaks(describing: "[force](refund-tooling-zqinternal/force-refund-zqinternal.html)")
        #expect(messages.contains("as a page name"), "\(messages)")
    }

    @Test("a one-word partner name written as a name is a leak; as an ordinary word it is not")
    func oneWordNameAsName() throws {
        let beta = W.files["partners/beta.yaml"]!.replacingOccurrences(of: "Beta Brothers Ltd", with: "Square")
        let named = try leaks(describing: "Square is still on v1.", changes: ["partners/beta.yaml": beta])
        #expect(named.contains("the name of partner beta (`Square`)"), "\(named)")
        let word = try leaks(describing: "Wrap ids in square brackets.", changes: ["partners/beta.yaml": beta])
        #expect(word == "", "\(word)")
    }

    @Test("a name broken over two lines or split by a tag is still the name")
    func wrappedName() throws {
        let ws = try W.workspace()
        let site = SiteProjection.project(ws, for: .partner("alpha"))
        var files = try W.rendered(site)
        files.append(OutputFile(path: "wrap.html", text: "<p>Thanks to Bert\nBetason and <b>Beta</b> <i>Brothers</i> Ltd</p>"))
        let messages = W.leaks(ws, files, site: site, as: "alpha").joined(separator: "\n")
        #expect(messages.contains("wrap.html contains a member of partner beta"), "\(messages)")
        #expect(messages.contains("wrap.html contains the name of partner beta"), "\(messages)")
    }

    @Test("a placeholder secret that is an ordinary word alpha sees anyway is no alarm; a real one is")
    func placeholderSecret() throws {
        let sandbox = W.files["environments/sandbox.json"]!.replacingOccurrences(of: "sk_guard_secret_7788", with: "orders")
        let placeholder = try leaks(describing: "", changes: ["environments/sandbox.json": sandbox])
        #expect(placeholder == "", "\(placeholder)")
        let real = try leaks(describing: "Key: sk_guard_secret_7788.")
        #expect(real.contains("the secret `api_key`"), "\(real)")
    }

    @Test("a hidden value equal to a page name Portico made for alpha is no alarm")
    func hiddenValueEqualToVisibleSlug() throws {
        let staging = W.files["environments/staging.json"]!.replacingOccurrences(
            of: #"{"key": "base_url""#, with: #"{"key": "service", "value": "orders-api", "enabled": true}, {"key": "base_url""#)
        let messages = try leaks(describing: "", changes: ["environments/staging.json": staging])
        #expect(messages == "", "\(messages)")
    }

    // From a second adversarial pass.

    @Test("a hidden item's name is found in any letter case, and a shouted one-word partner name is a name")
    func caseVariants() throws {
        #expect(try leaks(describing: "Try force refund zqinternal first.").contains("the name of hidden item"))
        let beta = W.files["partners/beta.yaml"]!.replacingOccurrences(of: "Beta Brothers Ltd", with: "Square")
        let shouted = try leaks(describing: "SQUARE is still on v1.", changes: ["partners/beta.yaml": beta])
        #expect(shouted.contains("the name of partner beta"), "\(shouted)")
    }

    @Test("a name with a no-break space, a zero-width space or a + between its words is the name")
    func spacingVariants() throws {
        for phrase in ["Ask Bert&nbsp;Betason.", "Ask Bert\u{00A0}Betason.", "Ask Be\u{200B}rt Betason.", "see ?who=Bert+Betason"] {
            #expect(try leaks(describing: phrase).contains("a member of partner beta"), "\(phrase)")
        }
    }

    @Test("a hidden name that begins a visible item's name is no alarm")
    func visibleNameContainsHidden() throws {
        // Hidden `List orders` (in the internal folder); visible `List orders today`,
        // whose name, page name and every navigation tree hold the hidden one.
        let orders = W.files["collections/orders.json"]!
            .replacingOccurrences(of: #"{"name": "Force refund ZQINTERNAL""#, with: #"{"name": "List orders""#)
            .replacingOccurrences(of: #"{"name": "List orders", "request": {"method": "GET""#,
                                  with: #"{"name": "List orders today", "request": {"method": "GET""#)
        try #require(orders.contains("List orders today") && orders.contains(#""List orders", "request": {"method": "POST""#))
        let messages = try leaks(describing: "", changes: ["collections/orders.json": orders])
        #expect(messages == "", "\(messages)")
    }

    @Test("a hidden environment value alpha is shown anyway, and a secret that is only a reference, are no alarm")
    func valuesShownAnyway() throws {
        let staging = W.files["environments/staging.json"]!.replacingOccurrences(
            of: #"{"key": "base_url""#, with: #"{"key": "host", "value": "https://sandbox.guard.example", "enabled": true}, {"key": "base_url""#)
        #expect(try leaks(describing: "", changes: ["environments/staging.json": staging]) == "")
        let sandbox = W.files["environments/sandbox.json"]!.replacingOccurrences(of: "sk_guard_secret_7788", with: "{{client_id}}")
        #expect(try leaks(describing: "", changes: ["environments/sandbox.json": sandbox]) == "")
    }
}
