import PorticoModel

/// A cURL command a partner can paste into bash: it sends exactly the documented request.
///
/// Shape: `curl [--globoff] [-X METHOD | --head] 'URL'`, then one option per line with ` \`
/// continuations, in the order auth, headers, body. Every value is quoted with `ShellQuote`, so
/// nothing in it is expanded or executed. Disabled headers, query parameters and form fields are
/// never sent.
public struct CurlSample: CodeSampleGenerator {
    public let id = "curl"
    public let label = "cURL"

    public init() {}

    public func sample(for request: SiteRequest) -> String {
        let auth = CurlAuth.parts(for: request.auth)
        let body = CurlBody.parts(for: request.body)
        let url = CurlURL.encode(CurlURL.appendingQuery(auth.query, to: request.url))

        var first = ["curl"]
        var options: [[String]] = []
        if CurlURL.needsGlobOff(url) { first.append("--globoff") }
        first += methodWords(request.method, hasBody: !body.options.isEmpty)
        // A URL that starts with `-` would be read as an option.
        first += url.hasPrefix("-") ? ["--url", ShellQuote.quote(url)] : [ShellQuote.quote(url)]

        options += auth.options
        let headers = CurlHeaders.enabled(request.headers, dropping: auth.replacedHeaders)
        options += headers.map { CurlHeaders.option($0.name, $0.value) }
        // Exactly one Content-Type: the request's own, else the one its body implies.
        if let type = body.defaultContentType, !headers.contains(where: { $0.name.lowercased() == "content-type" }) {
            options.append(CurlHeaders.option("Content-Type", type))
        }
        options += body.options

        let lines = [first.joined(separator: " ")] + options.map { "  " + $0.joined(separator: " ") }
        return lines.joined(separator: " \\\n")
    }

    /// `-X` only when curl would not pick the method itself (GET, or POST when data is sent).
    /// HEAD uses `--head`: `-X HEAD` makes curl wait for a body that never comes.
    private func methodWords(_ method: String, hasBody: Bool) -> [String] {
        let method = method.isEmpty ? "GET" : method.uppercased()
        if method == (hasBody ? "POST" : "GET") { return [] }
        if method == "HEAD" && !hasBody { return ["--head"] }
        return ["-X", ShellQuote.word(method)]
    }
}
