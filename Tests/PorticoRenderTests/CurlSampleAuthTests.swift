import PorticoModel
import PorticoRender
import Testing

/// Each auth scheme becomes the curl options that send it, and only it.
@Suite("cURL sample auth")
struct CurlSampleAuthTests {
    private func call(_ auth: SiteAuth?, headers: [SiteParameter] = [],
                      url: String = "https://api.example.test/v1/x") throws -> ParsedCurl {
        try #require(CurlFixtures.run(CurlFixtures.request("GET", url, headers: headers, auth: auth)))
    }

    @Test("basic, digest and NTLM use -u user:password (secrets stay placeholders)")
    func userSchemes() throws {
        let basic = try call(CurlFixtures.auth("basic", ["username": "partner-bot", "password": "{{svcPassword}}"]))
        #expect(basic.user == "partner-bot:{{svcPassword}}" && basic.flags.isEmpty && basic.headers.isEmpty)

        let digest = try call(CurlFixtures.auth("digest", ["username": "u", "password": "p"]))
        #expect(digest.user == "u:p" && digest.flags == ["--digest"])

        let ntlm = try call(CurlFixtures.auth("ntlm", ["username": "partner-bot", "password": "{{ntlmPassword}}",
                                                       "domain": "CORP"]))
        #expect(ntlm.user == "partner-bot:{{ntlmPassword}}" && ntlm.flags == ["--ntlm"])

        // No password still has the colon, or curl would stop and prompt for one.
        let noPassword = try call(CurlFixtures.auth("basic", ["username": "u"]))
        #expect(noPassword.user == "u:")
    }

    @Test("bearer and OAuth 2 send one Authorization header, replacing an explicit one")
    func tokens() throws {
        let explicit: [SiteParameter] = [.init(key: "authorization", value: "Basic old"), .init(key: "X-Env", value: "live")]
        let bearer = try call(CurlFixtures.auth("bearer", ["token": "{{accessToken}}"]), headers: explicit)
        #expect(bearer.headers == ["Authorization: Bearer {{accessToken}}", "X-Env: live"])

        let oauth2 = try call(CurlFixtures.auth("oauth2", ["accessToken": "tok", "headerPrefix": "Token"]))
        #expect(oauth2.headerValues("authorization") == ["Token tok"])
        let defaultPrefix = try call(CurlFixtures.auth("oauth2", ["accessToken": "tok"]))
        #expect(defaultPrefix.headerValues("authorization") == ["Bearer tok"])

        let inQuery = try call(CurlFixtures.auth("oauth2", ["accessToken": "{{tok}}", "addTokenTo": "queryParams"]),
                               url: "https://api.example.test/v1/x?a=1")
        #expect(inQuery.url == "https://api.example.test/v1/x?a=1&access_token={{tok}}" && inQuery.headers.isEmpty)
    }

    @Test("an API key goes in a header by default, or in the query")
    func apiKey() throws {
        let header = try call(CurlFixtures.auth("apikey", ["key": "X-Admin-Key", "value": "{{adminKey}}"]),
                              headers: [.init(key: "x-admin-key", value: "stale")])
        #expect(header.headers == ["X-Admin-Key: {{adminKey}}"] && header.user == nil)

        let query = try call(CurlFixtures.auth("apikey", ["key": "api_key", "value": "{{queryKey}}", "in": "query"]))
        #expect(query.url == "https://api.example.test/v1/x?api_key={{queryKey}}" && query.headers.isEmpty)
        #expect(query.flags.contains("--globoff"))
    }

    @Test("AWS Signature v4 uses curl's --aws-sigv4")
    func aws() throws {
        let aws = try call(CurlFixtures.auth("awsv4", ["accessKey": "AKID", "secretKey": "{{awsSecret}}",
                                                       "region": "eu-west-1", "service": "execute-api",
                                                       "sessionToken": "{{session}}"]))
        #expect(aws.awsSigV4 == "aws:amz:eu-west-1:execute-api")
        #expect(aws.user == "AKID:{{awsSecret}}")
        #expect(aws.headers == ["X-Amz-Security-Token: {{session}}"])
        let bare = try call(CurlFixtures.auth("awsv4", ["accessKey": "a", "secretKey": "s"]))
        #expect(bare.awsSigV4 == "aws:amz")
    }

    @Test("no auth, noauth and unknown schemes send no credentials",
          arguments: [nil, SiteAuth(type: "noauth", parameters: []), SiteAuth(type: "inherit", parameters: []),
                      SiteAuth(type: "negotiate-someday", parameters: [])] as [SiteAuth?])
    func none(_ auth: SiteAuth?) throws {
        let c = try call(auth)
        #expect(c.user == nil && c.headers.isEmpty && c.flags.isEmpty && c.url == "https://api.example.test/v1/x")
    }

    @Test("schemes signed at send time show the header's shape with placeholders",
          arguments: ["oauth1", "hawk", "edgegrid", "jwt", "asap"])
    func signed(_ type: String) throws {
        let auth = CurlFixtures.auth(type, ["consumerKey": "ck", "token": "tk", "authId": "id", "clientToken": "ct",
                                            "accessToken": "at"])
        let c = try call(auth)
        let value = try #require(c.headerValues("authorization").first)
        #expect(value.contains("<"), "a visible placeholder for what is computed at send time: \(value)")
        #expect(c.headers.count == 1 && c.user == nil)
    }
}
