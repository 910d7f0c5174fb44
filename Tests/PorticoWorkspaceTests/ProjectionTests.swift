import PorticoModel
import Testing
@testable import PorticoWorkspace

/// An inline workspace for the projection tests: one collection with a public
/// folder, an internal folder and a folder only Globex may see; two partners; a
/// default environment with a secret, and an internal one.
enum ProjectionFixture {
    static let at = SourceLocation(path: "collections/payments.json", line: 1, column: 1)
    static let yaml = SourceLocation(path: "portico.yaml", line: 1, column: 1)

    static func request(_ name: String, _ method: String = "GET", url: String, headers: [PostmanKeyValue] = [],
                        query: [PostmanKeyValue] = [], pathVariables: [PostmanKeyValue] = [],
                        auth: PostmanAuth? = nil, body: PostmanBody? = nil,
                        responses: [PostmanResponse] = []) -> PostmanItem {
        .request(PostmanRequestItem(
            name: name,
            request: PostmanRequest(method: method, url: PostmanURL(raw: url, query: query, variables: pathVariables),
                                    headers: headers, body: body, auth: auth),
            responses: responses, location: at))
    }

    static func folder(_ name: String, auth: PostmanAuth? = nil, variables: [PostmanVariable] = [],
                       _ items: [PostmanItem]) -> PostmanItem {
        .folder(PostmanFolder(name: name, items: items, auth: auth, variables: variables, location: at))
    }

    static func bearer(_ token: String) -> PostmanAuth {
        PostmanAuth(type: "bearer", parameters: [PostmanKeyValue(key: "token", value: token)])
    }

    static var collection: PostmanCollection {
        PostmanCollection(
            name: "Payments API",
            description: RichText("Take payments."),
            items: [
                folder("Charges", [
                    request("Create a charge", "POST", url: "{{base_url}}/charges",
                            headers: [PostmanKeyValue(key: "Authorization", value: "Bearer {{api_token}}")],
                            body: .raw(text: #"{"amount": 100}"#, language: "json")),
                    request("List charges", url: "{{base_url}}/charges"),
                ]),
                folder("Admin", [
                    request("Delete every charge", "DELETE", url: "{{base_url}}/admin/wipe-all-charges"),
                ]),
                folder("Beta", [
                    request("Instant payouts", "POST", url: "{{base_url}}/beta/instant-payouts"),
                ]),
                request("Ping", url: "{{base_url}}/ping", auth: PostmanAuth(type: "noauth")),
            ],
            auth: bearer("{{api_token}}"),
            variables: [
                PostmanVariable(key: "base_url", value: "https://collection.example"),
                PostmanVariable(key: "api_token", value: "collection-token-value"),
            ],
            location: at)
    }

    static var sandbox: PostmanEnvironment {
        PostmanEnvironment(name: "Sandbox", values: [
            .init(key: "base_url", value: "https://sandbox.acme.example"),
            .init(key: "api_token", value: "sk_live_environment_secret", isSecret: true),
            .init(key: "client_id", value: "default-client"),
        ], location: SourceLocation(path: "environments/sandbox.json"))
    }

    static var staging: PostmanEnvironment {
        PostmanEnvironment(name: "Staging", values: [
            .init(key: "base_url", value: "https://staging.internal.acme.example"),
        ], location: SourceLocation(path: "environments/staging.json"))
    }

    static var globex: PartnerFile {
        PartnerFile(slug: "globex", name: "Globex Corporation",
                    members: [PartnerMember(name: "Hank Scorpio", email: "hank@globex.example", location: yaml)],
                    environment: [("client_id", Located("globex-client-7781", at: yaml)),
                                  ("api_token", Located("globex-token-from-partner-file", at: yaml))],
                    location: SourceLocation(path: "partners/globex.yaml"))
    }

    static var initech: PartnerFile {
        PartnerFile(slug: "initech", name: "Initech",
                    members: [PartnerMember(name: "Peter Gibbons", email: "peter@initech.example", location: yaml)],
                    environment: [("client_id", Located("initech-client-1234", at: yaml))],
                    location: SourceLocation(path: "partners/initech.yaml"))
    }

    static var settings: WorkspaceSettings {
        WorkspaceSettings(
            name: "Acme Payments",
            description: "Payments for partners.",
            multipartner: true,
            multipartnerGiven: true,
            defaultEnvironment: Located("Sandbox", at: yaml),
            team: [
                TeamMember(name: "Dana Rivera", email: "dana@acme.example", role: .admin, location: yaml),
                TeamMember(name: "Sam Lee", role: .editor, location: yaml),
            ],
            internalSelectors: [Located("collections/Payments API/Admin", at: yaml),
                                Located("environments/Staging", at: yaml),
                                Located("docs/runbook", at: yaml)],
            partnerSelectors: [PartnerSelector(selector: Located("collections/Payments API/Beta", at: yaml),
                                               partners: [Located("globex", at: yaml)])],
            location: yaml)
    }

    static var workspace: Workspace {
        Workspace(
            settings: settings,
            partners: [globex, initech],
            collections: [collection],
            environments: [sandbox, staging],
            docs: [
                DocPage(slug: "getting-started", title: "Getting started", order: 1, body: "# Getting started",
                        location: SourceLocation(path: "docs/getting-started.md")),
                DocPage(slug: "runbook", title: "On-call runbook", body: "Page the on-call engineer.",
                        location: SourceLocation(path: "docs/runbook.md")),
                DocPage(slug: "globex-migration", title: "Globex migration notes",
                        partners: [Located("globex", at: yaml)], body: "Only for Globex.",
                        location: SourceLocation(path: "docs/globex-migration.md")),
                DocPage(slug: "incident-review", title: "Incident review", isInternal: true, body: "Internal.",
                        location: SourceLocation(path: "docs/incident-review.md")),
            ],
            comments: [CommentThread(target: Located("collections/Payments API/Charges", at: yaml),
                                     thread: [.init(author: "dana@acme.example", at: "2024-01-10",
                                                    text: "Should amount be in minor units?")],
                                     location: SourceLocation(path: "comments/charges.yaml"))])
    }
}

/// Helpers to look into a projected site.
extension SiteCollection {
    /// Every folder and request name, depth first.
    var allNames: [String] { SiteItem.names(items) }

    var allRequests: [SiteRequest] { SiteItem.requests(items) }

    func request(_ name: String) -> SiteRequest? { allRequests.first { $0.name == name } }

    func folder(_ name: String) -> SiteFolder? { SiteItem.folders(items).first { $0.name == name } }

    var downloadText: String { JSONSerializer.serialize(download) }
}

extension SiteItem {
    static func names(_ items: [SiteItem]) -> [String] {
        items.flatMap { item -> [String] in
            if case .folder(let f) = item { return [f.name] + names(f.items) }
            return [item.name]
        }
    }

    static func requests(_ items: [SiteItem]) -> [SiteRequest] {
        items.flatMap { item -> [SiteRequest] in
            switch item {
            case .folder(let f): requests(f.items)
            case .request(let r): [r]
            }
        }
    }

    static func folders(_ items: [SiteItem]) -> [SiteFolder] {
        items.flatMap { item -> [SiteFolder] in
            if case .folder(let f) = item { return [f] + folders(f.items) }
            return []
        }
    }

    static func slugs(_ items: [SiteItem]) -> [String] {
        items.flatMap { item -> [String] in
            if case .folder(let f) = item { return [f.slug] + slugs(f.items) }
            return [item.slug]
        }
    }
}

@Suite("Projection: Workspace × audience → PartnerSite")
struct ProjectionTests {
    typealias F = ProjectionFixture

    static let partnerAudiences: [Audience] = [.partner("globex"), .partner("initech"), .allPartners]

    private func project(_ audience: Audience, _ workspace: Workspace = F.workspace) -> PartnerSite {
        SiteProjection.project(workspace, for: audience)
    }

    private func payments(_ site: PartnerSite) throws -> SiteCollection {
        try #require(site.collections.first { $0.name == "Payments API" })
    }

    /// Every byte of a site as text: its fields, downloads included.
    private func everything(_ site: PartnerSite) -> String {
        String(reflecting: site) + site.collections.map(\.downloadText).joined()
    }

    // MARK: - People

    @Test("a partner site shows its own partner and no other")
    func ownPartnerOnly() {
        let site = project(.partner("globex"))
        #expect(site.folder == "globex")
        #expect(site.audience?.name == "Globex Corporation")
        #expect(site.partners.map(\.slug) == ["globex"])
        #expect(site.partners.first?.members.map(\.name) == ["Hank Scorpio"])
        let text = everything(site)
        for hidden in ["Initech", "initech", "Peter Gibbons", "initech-client-1234"] {
            #expect(!text.contains(hidden), "globex's site contains \(hidden)")
        }
    }

    @Test("the shared site and the team preview list every partner")
    func sharedAndTeamListEveryone() {
        for audience in [Audience.allPartners, .team] {
            let site = project(audience)
            #expect(site.partners.map(\.slug) == ["globex", "initech"])
            #expect(site.audience == nil)
        }
        #expect(project(.allPartners).folder == SiteProjection.sharedFolder)
    }

    @Test("a partner's own environment values are not listed in the shared site")
    func sharedSiteHasNoPartnerValues() {
        let text = everything(project(.allPartners))
        #expect(!text.contains("globex-client-7781"))
        #expect(!text.contains("initech-client-1234"))
    }

    @Test("team and partner members are shown without email unless show_email is on",
          arguments: [false, true])
    func emails(showEmail: Bool) {
        var workspace = F.workspace
        workspace.settings.showEmail = showEmail
        for audience in Self.partnerAudiences + [.team] {
            let site = project(audience, workspace)
            #expect(site.team.map(\.name) == ["Dana Rivera", "Sam Lee"])
            #expect(site.team.map(\.role) == ["admin", "editor"])
            #expect(site.team.first?.email == (showEmail ? "dana@acme.example" : nil))
            #expect(site.team.last?.email == nil)
            let memberEmails = site.partners.flatMap(\.members).compactMap(\.email)
            #expect(memberEmails.isEmpty == !showEmail)
            if audience != .team {
                #expect(String(reflecting: site).contains("dana@acme.example") == showEmail)
            }
        }
    }

    // MARK: - Filtering

    @Test("an internal folder is in no partner's pages and no partner's download", arguments: partnerAudiences)
    func internalFolderGone(_ audience: Audience) throws {
        let payments = try payments(project(audience))
        #expect(!payments.allNames.contains("Admin"))
        #expect(!payments.allNames.contains("Delete every charge"))
        #expect(!payments.downloadText.contains("Delete every charge"))
        #expect(!payments.downloadText.contains("wipe-all-charges"))
        #expect(!payments.downloadText.contains(#""Admin""#))
        // What is public is still there, in both.
        #expect(payments.allNames.contains("Create a charge"))
        #expect(payments.downloadText.contains("Create a charge"))
    }

    @Test("the team preview keeps internal and partner-only content")
    func teamKeepsEverything() throws {
        let site = project(.team)
        let payments = try payments(site)
        for name in ["Admin", "Delete every charge", "Beta", "Instant payouts"] {
            #expect(payments.allNames.contains(name))
        }
        #expect(site.docs.map(\.slug).sorted() == ["getting-started", "globex-migration", "incident-review", "runbook"])
        #expect(site.otherEnvironments.map(\.name) == ["Staging"])
        #expect(site.preview?.comments["collections/Payments API/Charges"]?.first?.text == "Should amount be in minor units?")
        #expect(site.preview?.badges["collections/Payments API/Admin"] == "Internal")
        #expect(site.preview?.badges["collections/Payments API/Beta"] == "Only Globex Corporation")
        #expect(site.preview?.badges["collections/Payments API/Charges"] == "All partners")
    }

    @Test("a partner site carries no preview data: no badges, no comments", arguments: partnerAudiences)
    func noPreviewForPartners(_ audience: Audience) {
        let site = project(audience)
        #expect(site.preview == nil)
        #expect(!everything(site).contains("minor units"))
    }

    @Test("a partner-only folder is in that partner's site and download only", arguments: [
        (Audience.partner("globex"), true),
        (.partner("initech"), false),
        (.allPartners, false),
    ])
    func partnerOnlyFolder(_ audience: Audience, _ visible: Bool) throws {
        let payments = try payments(project(audience))
        #expect(payments.allNames.contains("Beta") == visible)
        #expect(payments.allNames.contains("Instant payouts") == visible)
        #expect(payments.downloadText.contains("Instant payouts") == visible)
        #expect(payments.downloadText.contains("instant-payouts") == visible)
    }

    @Test("docs pages follow the rules and their front matter", arguments: [
        (Audience.partner("globex"), ["getting-started", "globex-migration"]),
        (.partner("initech"), ["getting-started"]),
        (.allPartners, ["getting-started"]),
    ])
    func docs(_ audience: Audience, _ expected: [String]) {
        #expect(project(audience).docs.map(\.slug) == expected)
    }

    @Test("an internal environment is offered to no partner", arguments: partnerAudiences)
    func internalEnvironmentHidden(_ audience: Audience) {
        let site = project(audience)
        #expect(site.otherEnvironments.isEmpty)
        #expect(!everything(site).contains("staging.internal"))
    }

    @Test("a hidden collection is left out whole")
    func hiddenCollection() {
        var workspace = F.workspace
        workspace.settings.internalSelectors.append(Located("collections/Payments API", at: F.yaml))
        #expect(project(.partner("globex"), workspace).collections.isEmpty)
        #expect(project(.team, workspace).collections.count == 1)
    }

    // MARK: - Variables

    /// One collection whose request header shows each variable, in a folder with its own variables.
    private static func layeredWorkspace(partnerValues: [(String, String)]) -> Workspace {
        var workspace = F.workspace
        let keys = ["onlyCollection", "folderOverCollection", "envOverFolder", "partnerOverAll"]
        let header = keys.map { PostmanKeyValue(key: $0, value: "{{\($0)}}") }
        workspace.collections = [PostmanCollection(
            name: "Layers",
            items: [
                F.folder("Inner", variables: [
                    PostmanVariable(key: "folderOverCollection", value: "folder"),
                    PostmanVariable(key: "envOverFolder", value: "folder"),
                    PostmanVariable(key: "partnerOverAll", value: "folder"),
                ], [F.request("Inside", url: "https://x.example", headers: header)]),
                F.request("Outside", url: "https://x.example", headers: header),
            ],
            variables: keys.map { PostmanVariable(key: $0, value: "collection") },
            location: F.at)]
        workspace.environments = [PostmanEnvironment(name: "Sandbox", values: [
            .init(key: "envOverFolder", value: "environment"),
            .init(key: "partnerOverAll", value: "environment"),
        ], location: F.at)]
        workspace.partners[0] = PartnerFile(slug: "globex", name: "Globex Corporation",
                                            environment: partnerValues.map { ($0.0, Located($0.1, at: F.yaml)) },
                                            location: F.yaml)
        return workspace
    }

    @Test("variables layer partner > default environment > folder > collection", arguments: [
        // (audience, request, variable, value shown)
        (Audience.partner("globex"), "Inside", "onlyCollection", "collection"),
        (.partner("globex"), "Inside", "folderOverCollection", "folder"),
        (.partner("globex"), "Outside", "folderOverCollection", "collection"),
        (.partner("globex"), "Inside", "envOverFolder", "environment"),
        (.partner("globex"), "Outside", "envOverFolder", "environment"),
        (.partner("globex"), "Inside", "partnerOverAll", "partner"),
        (.partner("globex"), "Outside", "partnerOverAll", "partner"),
        // Another partner's values never apply.
        (.partner("initech"), "Inside", "partnerOverAll", "environment"),
        (.allPartners, "Inside", "partnerOverAll", "environment"),
    ])
    func variableLayers(_ audience: Audience, _ requestName: String, _ key: String, _ expected: String) throws {
        let workspace = Self.layeredWorkspace(partnerValues: [("partnerOverAll", "partner")])
        let collection = try #require(project(audience, workspace).collections.first)
        let request = try #require(collection.request(requestName))
        #expect(request.headers.first { $0.key == key }?.value == expected)
    }

    @Test("a secret environment key stays {{name}} even where a collection variable or the partner file defines it",
          arguments: partnerAudiences + [.team])
    func secretStaysReference(_ audience: Audience) throws {
        let site = project(audience)
        let payments = try payments(site)
        let create = try #require(payments.request("Create a charge"))
        #expect(create.headers.first?.value == "Bearer {{api_token}}")
        #expect(create.auth?.value("token") == "{{api_token}}")
        #expect(create.url == "https://sandbox.acme.example/charges")
        let token = try #require(site.environment?.values.first { $0.key == "api_token" })
        #expect(token.isSecret)
        #expect(token.value == "")
        let pages = String(reflecting: payments.items) + String(reflecting: site.environment)
        for value in ["sk_live_environment_secret", "collection-token-value", "globex-token-from-partner-file"] {
            #expect(!pages.contains(value), "\(value) reached the site")
        }
    }

    @Test("the secret's value is in no byte of any partner site, download included", arguments: partnerAudiences)
    func secretNowhere(_ audience: Audience) {
        let text = everything(project(audience))
        #expect(!text.contains("sk_live_environment_secret"))
        #expect(!text.contains("globex-token-from-partner-file"))
    }

    @Test("a collection variable shadowed by a secret environment key is blank in the download too",
          arguments: partnerAudiences)
    func shadowedSecretBlankInDownload(_ audience: Audience) throws {
        // The pages show {{api_token}}; a download that still carried the collection's
        // value would not be "filtered exactly like the pages, secrets blank".
        var workspace = F.workspace
        guard case .folder(var charges) = workspace.collections[0].items[0] else { return }
        charges.variables = [PostmanVariable(key: "api_token", value: "folder-token-value")]
        workspace.collections[0].items[0] = .folder(charges)
        let payments = try payments(project(audience, workspace))
        #expect(!payments.downloadText.contains("collection-token-value"))
        #expect(!payments.downloadText.contains("folder-token-value"))
        #expect(!String(reflecting: payments.items).contains("folder-token-value"))
        #expect(payments.downloadText.contains("api_token"))
        #expect(payments.downloadText.contains("https://collection.example"))
    }

    @Test("the partner's environment is the default environment with the partner's values over it")
    func siteEnvironment() throws {
        let globex = try #require(project(.partner("globex")).environment)
        #expect(globex.name == "Sandbox")
        #expect(globex.values.map(\.key) == ["base_url", "api_token", "client_id"])
        #expect(globex.values.first { $0.key == "client_id" }?.value == "globex-client-7781")
        #expect(globex.values.first { $0.key == "base_url" }?.value == "https://sandbox.acme.example")
        let shared = try #require(project(.allPartners).environment)
        #expect(shared.values.first { $0.key == "client_id" }?.value == "default-client")
    }

    // MARK: - Auth

    @Test("credential fields show the {{reference}} as written, never the resolved value")
    func credentialReferences() throws {
        var workspace = F.workspace
        workspace.collections[0].variables += [PostmanVariable(key: "user", value: "acme-user"),
                                               PostmanVariable(key: "pass", value: "hunter2-resolved")]
        workspace.collections[0].items.append(F.request("Basic", url: "https://x.example", auth: PostmanAuth(
            type: "basic", parameters: [PostmanKeyValue(key: "username", value: "{{user}}"),
                                        PostmanKeyValue(key: "password", value: "{{pass}}")])))
        let request = try #require(payments(project(.partner("globex"), workspace)).request("Basic"))
        #expect(request.auth?.value("password") == "{{pass}}")
        // A username is not a credential: it is resolved like any other value.
        #expect(request.auth?.value("username") == "acme-user")
        #expect(!String(reflecting: request).contains("hunter2-resolved"))
    }

    @Test("a credential typed literally into the collection shows as a placeholder", arguments: [
        ("basic", "password", "literal-password-123", "<password>"),
        ("bearer", "token", "literal-bearer-token", "<token>"),
        ("apikey", "value", "literal-api-key", "<value>"),
        ("oauth2", "clientSecret", "literal-client-secret", "<clientSecret>"),
    ])
    func literalCredential(_ type: String, _ key: String, _ literal: String, _ shown: String) throws {
        var workspace = F.workspace
        workspace.collections[0].items.append(F.request("Literal", url: "https://x.example",
            auth: PostmanAuth(type: type, parameters: [PostmanKeyValue(key: key, value: literal)])))
        let request = try #require(payments(project(.partner("globex"), workspace)).request("Literal"))
        #expect(request.auth?.type == type)
        #expect(request.auth?.value(key) == shown)
        #expect(!String(reflecting: request).contains(literal))
    }

    /// A collection to test where auth comes from.
    private static var authWorkspace: Workspace {
        var workspace = F.workspace
        workspace.collections = [PostmanCollection(
            name: "Auth",
            items: [
                F.request("Own auth", url: "https://x.example", auth: F.bearer("{{own}}")),
                F.request("From collection", url: "https://x.example"),
                F.folder("Outer", auth: F.bearer("{{outer}}"), [
                    F.request("From outer folder", url: "https://x.example"),
                    F.folder("Inner", [F.request("From nearest folder with auth", url: "https://x.example")]),
                    F.folder("Override", auth: F.bearer("{{override}}"), [
                        F.request("From nearer folder", url: "https://x.example"),
                    ]),
                    F.folder("Open", auth: PostmanAuth(type: "noauth"), [
                        F.request("Stopped by noauth", url: "https://x.example"),
                        F.request("Own auth under noauth", url: "https://x.example", auth: F.bearer("{{deep}}")),
                    ]),
                ]),
                F.request("Explicitly none", url: "https://x.example", auth: PostmanAuth(type: "noauth")),
            ],
            auth: F.bearer("{{collection}}"),
            location: F.at)]
        return workspace
    }

    @Test("auth is the request's own, else the nearest folder's, else the collection's; noauth stops", arguments: [
        // (request, token shown, inherited from)
        ("Own auth", "{{own}}", nil),
        ("From collection", "{{collection}}", "Auth"),
        ("From outer folder", "{{outer}}", "Outer"),
        ("From nearest folder with auth", "{{outer}}", "Outer"),
        ("From nearer folder", "{{override}}", "Override"),
        ("Stopped by noauth", nil, nil),
        ("Own auth under noauth", "{{deep}}", nil),
        ("Explicitly none", nil, nil),
    ] as [(String, String?, String?)])
    func authInheritance(_ name: String, _ token: String?, _ inheritedFrom: String?) throws {
        let collection = try #require(project(.partner("globex"), Self.authWorkspace).collections.first)
        let request = try #require(collection.request(name))
        #expect(request.auth?.value("token") == token)
        #expect(request.auth?.inheritedFrom == inheritedFrom)
        #expect((request.auth == nil) == (token == nil))
    }

    @Test("folders and the collection show the auth in force at their level")
    func folderAuth() throws {
        let collection = try #require(project(.partner("globex"), Self.authWorkspace).collections.first)
        #expect(collection.auth?.value("token") == "{{collection}}")
        #expect(collection.folder("Outer")?.auth?.inheritedFrom == nil)
        #expect(collection.folder("Inner")?.auth?.inheritedFrom == "Outer")
        #expect(collection.folder("Open")?.auth == nil)
    }

    // MARK: - URLs

    private func projectedRequest(url: String, pathVariables: [PostmanKeyValue] = [],
                                  query: [PostmanKeyValue] = []) throws -> SiteRequest {
        var workspace = F.workspace
        workspace.collections[0].items = [F.request("R", url: url, query: query, pathVariables: pathVariables)]
        return try #require(payments(project(.partner("globex"), workspace)).request("R"))
    }

    @Test("path variables are substituted as whole segments only", arguments: [
        ("https://api.example/users/:id", [("id", "42")], "https://api.example/users/42"),
        ("https://api.example/slots/10:30/:id", [("id", "42")], "https://api.example/slots/10:30/42"),
        ("https://api.example/users/:idx/:id", [("id", "42")], "https://api.example/users/:idx/42"),
        ("https://api.example:8443/users/:id", [("id", "42")], "https://api.example:8443/users/42"),
        ("https://api.example/users/:id", [("id", "")], "https://api.example/users/:id"),
        ("https://api.example/users/:id/orders/:order", [("order", "7")], "https://api.example/users/:id/orders/7"),
        ("{{base_url}}/users/:id", [("id", "42")], "https://sandbox.acme.example/users/42"),
    ] as [(String, [(String, String)], String)])
    func pathVariables(_ url: String, _ variables: [(String, String)], _ expected: String) throws {
        let request = try projectedRequest(url: url, pathVariables: variables.map { PostmanKeyValue(key: $0.0, value: $0.1) })
        #expect(request.url == expected)
    }

    @Test("an undeclared :name segment is still listed as a path variable")
    func undeclaredPathVariable() throws {
        let request = try projectedRequest(url: "https://api.example/users/:userId/slots/10:30",
                                           pathVariables: [PostmanKeyValue(key: "other", value: "1")])
        #expect(request.pathVariables.map(\.key) == ["other", "userId"])
    }

    @Test("disabled query parameters are listed but not in the URL")
    func disabledQuery() throws {
        let request = try projectedRequest(url: "https://api.example/charges?limit=10&cursor=abc&expand", query: [
            PostmanKeyValue(key: "limit", value: "10"),
            PostmanKeyValue(key: "cursor", value: "abc", disabled: true),
            PostmanKeyValue(key: "expand", value: nil),
        ])
        #expect(request.url == "https://api.example/charges?limit=10&expand")
        #expect(request.query.map(\.key) == ["limit", "cursor", "expand"])
        #expect(request.query.map(\.enabled) == [true, false, true])
        #expect(request.query[1].value == "abc")
    }

    @Test("with every query parameter disabled, the URL has no query at all")
    func allQueryDisabled() throws {
        let request = try projectedRequest(url: "https://api.example/charges?cursor=abc",
                                           query: [PostmanKeyValue(key: "cursor", value: "abc", disabled: true)])
        #expect(request.url == "https://api.example/charges")
    }

    // MARK: - Slugs

    @Test("slugs are unique within a collection, across folders, and the same on every projection")
    func slugs() throws {
        var workspace = F.workspace
        workspace.collections[0].items = [
            F.folder("Create", [F.request("Create", url: "https://x.example")]),
            F.folder("Other", [F.request("Create", url: "https://x.example"), F.request("CREATE", url: "https://x.example")]),
            F.request("Create!", url: "https://x.example"),
        ]
        let first = try payments(project(.partner("globex"), workspace))
        let slugs = SiteItem.slugs(first.items)
        #expect(slugs.count == 6)
        #expect(Set(slugs).count == slugs.count)
        #expect(Set(slugs.map { $0.lowercased() }).count == slugs.count)
        let again = try payments(project(.partner("globex"), workspace))
        #expect(SiteItem.slugs(again.items) == slugs)
        #expect(first.slug == again.slug)
    }

    @Test("collections with the same slug get distinct slugs")
    func collectionSlugs() {
        var workspace = F.workspace
        var twin = F.collection
        twin.name = "payments-api"
        workspace.collections.append(twin)
        let slugs = project(.partner("globex"), workspace).collections.map(\.slug)
        #expect(slugs.count == 2)
        #expect(Set(slugs).count == 2)
    }

    // MARK: - Isolation

    /// Edits a partner cannot see, each with the partner it is hidden from.
    static let hiddenEdits: [(String, String, @Sendable (inout Workspace) -> Void)] = [
        ("an internal request renamed and its URL changed", "globex", { w in
            w.collections[0].items[1] = F.folder("Admin", [F.request("Purge accounts", "DELETE", url: "{{base_url}}/purge")])
        }),
        ("a request added to the internal folder", "initech", { w in
            guard case .folder(var admin) = w.collections[0].items[1] else { return }
            admin.items.append(F.request("Rotate keys", url: "https://x.example/rotate"))
            w.collections[0].items[1] = .folder(admin)
        }),
        ("a request in another partner's folder edited", "initech", { w in
            w.collections[0].items[2] = F.folder("Beta", [F.request("Instant payouts v2", url: "{{base_url}}/v2")])
        }),
        ("another partner's environment values edited", "globex", { w in
            w.partners[1] = PartnerFile(slug: "initech", name: "Initech", members: [],
                                        environment: [("client_id", Located("changed", at: F.yaml))], location: F.yaml)
        }),
        ("another partner's members edited", "initech", { w in
            w.partners[0].members.append(PartnerMember(name: "New Globex person", location: F.yaml))
        }),
        ("an internal environment edited", "globex", { w in
            w.environments[1].values.append(.init(key: "new", value: "value"))
        }),
        ("a secret's value rotated", "globex", { w in
            w.environments[0].values[1].value = "sk_live_rotated"
        }),
        ("an internal docs page rewritten", "globex", { w in
            w.docs[1].body = "New runbook."
            w.docs[3].title = "Renamed review"
        }),
        ("another partner's docs page rewritten", "initech", { w in
            w.docs[2].body = "Changed."
        }),
        ("a comment added", "globex", { w in
            w.comments[0].thread.append(.init(author: "sam", at: "2024-02-01", text: "Agreed."))
        }),
        ("a hidden team email changed", "initech", { w in
            w.settings.team[0].email = "dana.rivera@acme.example"
        }),
    ]

    @Test("an edit hidden from a partner leaves that partner's projection equal", arguments: hiddenEdits)
    func hiddenEditInvisible(_ what: String, _ slug: String, _ edit: @Sendable (inout Workspace) -> Void) {
        let before = F.workspace
        var after = before
        edit(&after)
        #expect(after != before, "the edit '\(what)' changed nothing")
        #expect(project(.partner(slug), after) == project(.partner(slug), before), "\(what) is visible to \(slug)")
    }

    @Test("a visible edit does change the projection")
    func visibleEditVisible() {
        var after = F.workspace
        after.collections[0].items[0] = F.folder("Charges", [F.request("Create a charge", "PUT", url: "{{base_url}}/c")])
        for slug in ["globex", "initech"] {
            #expect(project(.partner(slug), after) != project(.partner(slug), F.workspace))
        }
    }
}
