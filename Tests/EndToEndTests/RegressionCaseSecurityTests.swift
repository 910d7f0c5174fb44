import Foundation
import Testing

/// Untrusted descriptions and secret values: cases B06 (HTML and script in descriptions) and
/// B16 (secret environment values).
@Suite("Regression cases: security", .enabled(if: sharedAvailable, "../shared is absent: skipped"))
struct RegressionCaseSecurityTests {
    /// Files a page can run or style itself with: everything outside downloads/ (which holds the
    /// raw collection for re-import, legitimately with the payloads as JSON strings).
    private func publishedFiles(_ site: PartnerSite) -> [String] {
        site.files.filter { !$0.hasPrefix("downloads/") }
    }

    @Test("B06: no script, iframe, object, embed or event handler from the collection reaches a page or asset")
    func payloadsAreInert() async throws {
        for site in try await CaseSites.build("B06").requireSites() {
            for path in publishedFiles(site) {
                let text = String(decoding: try site.data(path), as: UTF8.self)
                let element = /(?i)<script[^>]*>[^<]*B06-|<iframe[^>]*B06-|<(?:object|embed)\b[^>]*B06-/
                #expect(!text.contains(element), "\(path)")
                #expect(!text.contains(/(?i)<[a-z][^>]*\son[a-z]+\s*=[^>]*B06-/), "\(path)")
                #expect(!text.contains(/(?is)<style[^>]*>[^<]*display\s*:\s*none/), "\(path)")
            }
            for page in site.pages {
                let scripts = /(?i)<script\b([^>]*)>(.*?)<\/script>/.dotMatchesNewlines()
                for script in site.html[page]!.matches(of: scripts) {
                    #expect(script.1.contains("src=\"") && script.2.isEmpty, "inline script on \(page)")
                }
                #expect(!site.html[page]!.contains(/(?i)<[a-z][^<>]*\son[a-z]+\s*=/), "event handler on \(page)")
            }
        }
    }

    @Test("B06: no link or source starts with javascript:, vbscript: or data:")
    func noDangerousURLs() async throws {
        for site in try await CaseSites.build("B06").requireSites() {
            for page in site.pages {
                let urls = /(?i)\s(?:href|src|action|formaction|xlink:href)\s*=\s*"([^"]*)"/
                for match in site.html[page]!.matches(of: urls) {
                    let value = HTMLText.decodeEntities(String(match.1)).trimmingCharacters(in: .whitespacesAndNewlines)
                        .filter { !$0.isWhitespace }.lowercased()
                    let dangerous = ["javascript:", "vbscript:", "data:"].contains { value.hasPrefix($0) }
                    #expect(!dangerous, "\(page): \(match.1)")
                }
            }
        }
    }

    @Test("B06: legitimate Markdown still renders, and a code block shows a script tag as text")
    func legitimateMarkdownRenders() async throws {
        for site in try await CaseSites.build("B06").requireSites() {
            #expect(site.elements("strong").contains { $0.contains("Bold stays bold") })
            #expect(site.elements("em").contains { $0.contains("italic stays italic") })
            #expect(site.elements("a").contains { $0.contains("href=\"https://docs.example.test/widgets\"") })
            #expect(site.elements("pre").contains {
                $0.contains("&lt;script") && HTMLText.decodeEntities($0)
                    .contains(#"<script src="https://cdn.example.test/widget.js"></script>"#)
            }, "the code block must show the tag escaped")
        }
    }

    @Test("B16: no secret value, nor its base64, is in any file or file name")
    func secretsAreAbsent() async throws {
        for site in try await CaseSites.build("B16").requireSites() {
            #expect(try SiteScan.files(of: site, containing: "s3cr3t-canary", ignoringCase: true).isEmpty)
            for fragment in ["cGFydG5lci1ib3Q6czNjcjN0LWNhbmFyeS1CMTYtcGFzcw==", "czNjcjN0LWNhbmFy", "Y3IzdC1jYW5h",
                             "M2NyM3QtY2FuYXJ5"] {
                #expect(try SiteScan.files(of: site, containing: fragment).isEmpty, "\(fragment)")
            }
        }
    }

    @Test("B16: secrets stay {{name}} on the pages and blank in the downloaded environment")
    func secretsStayReferences() async throws {
        for site in try await CaseSites.build("B16").requireSites() {
            for reference in ["{{svcPassword}}", "{{apiKey}}", "{{ntlmPassword}}", "{{clientSecret}}", "{{audience}}"] {
                #expect(site.showsText(reference), "\(reference)")
            }
            let environments = try site.downloadedEnvironments()
            #expect(environments.count == 1)
            for values in environments.values.compactMap({ $0["values"] as? [[String: Any]] }) {
                for key in ["svcPassword", "apiKey", "ntlmPassword", "clientSecret", "audience"] {
                    let value = values.first { $0["key"] as? String == key }
                    #expect(value != nil && (value?["value"] as? String) == "", "\(key) must be present and blank")
                }
            }
        }
    }
}
