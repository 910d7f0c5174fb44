import PorticoModel

/// What an auth scheme adds to a cURL command.
struct CurlAuthParts {
    /// Option lines, each a list of already-quoted words.
    var options: [[String]] = []
    /// Pairs appended to the URL query (API key or token sent in the query).
    var query: [(String, String)] = []
    /// Lower-cased header names the scheme sets; explicit headers with these names are left out
    /// so one request never carries two credentials.
    var replacedHeaders: Set<String> = []
}

/// Turns the effective auth of a request into cURL options. Values are used as resolved, so a
/// secret stays its `{{name}}` placeholder; a missing value becomes a visible `<placeholder>`.
enum CurlAuth {
    static func parts(for auth: SiteAuth?) -> CurlAuthParts {
        guard let auth else { return CurlAuthParts() }
        func v(_ key: String) -> String? { auth.value(key).flatMap { $0.isEmpty ? nil : $0 } }
        switch auth.type.lowercased() {
        case "basic":
            return user(nil, auth.value("username") ?? "", auth.value("password") ?? "")
        case "digest":
            return user("--digest", auth.value("username") ?? "", auth.value("password") ?? "")
        case "ntlm":
            // The NTLM domain is left out of `-u`: the request page shows it, and most servers
            // accept the bare user name.
            return user("--ntlm", auth.value("username") ?? "", auth.value("password") ?? "")
        case "bearer":
            return header("Authorization", "Bearer " + (v("token") ?? "<token>"))
        case "oauth2":
            let token = v("accessToken") ?? "<access-token>"
            if v("addTokenTo") == "queryParams" { return query("access_token", token) }
            return header("Authorization", (v("headerPrefix") ?? "Bearer") + " " + token)
        case "apikey":
            guard let key = v("key") else { return CurlAuthParts() }
            let value = auth.value("value") ?? ""
            return v("in") == "query" ? query(key, value) : header(key, value)
        case "awsv4", "aws":
            return aws(v)
        case "oauth1":
            // The signature depends on the moment and the secrets; the skeleton shows its shape.
            let fields = [("oauth_consumer_key", v("consumerKey") ?? "<consumer-key>"),
                          ("oauth_token", v("token")),
                          ("oauth_signature_method", v("signatureMethod") ?? "HMAC-SHA1"),
                          ("oauth_timestamp", "<timestamp>"), ("oauth_nonce", "<nonce>"),
                          ("oauth_version", v("version") ?? "1.0"), ("oauth_signature", "<signature>")]
            let text = fields.compactMap { k, val in val.map { "\(k)=\"\($0)\"" } }.joined(separator: ", ")
            return header("Authorization", "OAuth " + text)
        case "hawk":
            let id = v("authId") ?? "<hawk-id>"
            return header("Authorization",
                          "Hawk id=\"\(id)\", ts=\"<timestamp>\", nonce=\"<nonce>\", mac=\"<mac>\"")
        case "edgegrid", "akamai":
            let client = v("clientToken") ?? "<client-token>", access = v("accessToken") ?? "<access-token>"
            return header("Authorization", "EG1-HMAC-SHA256 client_token=\(client);access_token=\(access);"
                          + "timestamp=<timestamp>;nonce=<nonce>;signature=<signature>")
        case "jwt":
            // The token is signed from the payload and secret at send time.
            if v("addTokenTo") == "queryParam" { return query(v("queryParamKey") ?? "token", "<signed-jwt>") }
            return header("Authorization", (v("headerPrefix") ?? "Bearer") + " <signed-jwt>")
        case "asap":
            return header("Authorization", "Bearer <signed-asap-token>")
        default:
            // noauth, inherit, and schemes curl cannot express: send nothing rather than a guess.
            return CurlAuthParts()
        }
    }

    private static func user(_ flag: String?, _ name: String, _ password: String) -> CurlAuthParts {
        // Always `user:password`: without the colon curl would stop and prompt for a password.
        // The scheme flag shares the line: `--digest -u 'user:password'` reads as one thing.
        let words = (flag.map { [$0] } ?? []) + ["-u", ShellQuote.quote(name + ":" + password)]
        return CurlAuthParts(options: [words], replacedHeaders: ["authorization"])
    }

    private static func header(_ name: String, _ value: String) -> CurlAuthParts {
        CurlAuthParts(options: [CurlHeaders.option(name, value)], replacedHeaders: [name.lowercased()])
    }

    private static func query(_ key: String, _ value: String) -> CurlAuthParts {
        CurlAuthParts(query: [(key, value)])
    }

    private static func aws(_ v: (String) -> String?) -> CurlAuthParts {
        // curl derives region and service from the host name when they are left out.
        var provider = "aws:amz"
        if let region = v("region") {
            provider += ":" + region
            if let service = v("service") { provider += ":" + service }
        } else if let service = v("service") {
            provider += ":us-east-1:" + service
        }
        var parts = CurlAuthParts()
        parts.options.append(["--aws-sigv4", ShellQuote.quote(provider)])
        let access = v("accessKey") ?? "<access-key>", secret = v("secretKey") ?? "<secret-key>"
        parts.options.append(["-u", ShellQuote.quote(access + ":" + secret)])
        parts.replacedHeaders = ["authorization"]
        if let session = v("sessionToken") {
            parts.options.append(CurlHeaders.option("X-Amz-Security-Token", session))
            parts.replacedHeaders.insert("x-amz-security-token")
        }
        return parts
    }
}
