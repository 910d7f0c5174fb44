import PorticoModel

/// Turns one Postman request item into the `SiteRequest` a partner sees: values
/// resolved through the audience's variables, auth through inheritance.
struct RequestProjection {
    let scope: VariableScope

    func project(_ item: PostmanRequestItem, slug: String, selector: String, authLevels: [AuthProjection.Level]) -> SiteRequest {
        let resolver = scope.resolver
        let resolve: (String) -> String = { resolver.resolve($0) }
        let urls = URLProjection(resolve: resolve)
        let auth = AuthProjection(resolve: resolve)
        let request = item.request
        return SiteRequest(
            slug: slug,
            name: item.name,
            description: nonEmpty(item.description) ?? nonEmpty(request.description),
            method: request.method.isEmpty ? "GET" : request.method.uppercased(),
            url: urls.url(request.url),
            pathVariables: urls.pathVariables(request.url),
            query: urls.query(request.url),
            headers: request.headers.map { parameter($0, resolve) },
            auth: auth.effective([AuthProjection.Level(auth: request.auth, ownerName: item.name)] + authLevels),
            body: request.body.flatMap { body($0, resolve) },
            examples: item.responses.map(example),
            selector: selector)
    }

    private func nonEmpty(_ text: RichText?) -> RichText? {
        guard let text, !text.isEmpty else { return nil }
        return text
    }

    private func parameter(_ p: PostmanKeyValue, _ resolve: (String) -> String) -> SiteParameter {
        SiteParameter(key: resolve(p.key), value: p.value.map(resolve), description: p.description, enabled: !p.disabled)
    }

    private func body(_ body: PostmanBody, _ resolve: (String) -> String) -> SiteBody? {
        switch body {
        case .raw(let text, let language):
            return text.isEmpty ? nil : .raw(text: resolve(text), language: language)
        case .urlencoded(let fields):
            return fields.isEmpty ? nil : .urlencoded(fields.map { parameter($0, resolve) })
        case .formData(let fields):
            guard !fields.isEmpty else { return nil }
            return .formData(fields.map { f in
                SiteFormField(key: resolve(f.key), value: f.value.map(resolve), isFile: f.type == "file",
                              source: f.src, contentType: f.contentType, description: f.description,
                              enabled: !f.disabled)
            })
        case .file(let source):
            return .file(source: source)
        case .graphQL(let query, let variables):
            return .graphQL(query: resolve(query), variables: variables.map(resolve))
        }
    }

    // Saved examples are shown as recorded: they document what the API answered.
    private func example(_ r: PostmanResponse) -> SiteExample {
        SiteExample(name: r.name, status: r.status, code: r.code,
                    headers: r.headers.map { SiteParameter(key: $0.key, value: $0.value, enabled: !$0.disabled) },
                    body: r.body, language: r.language)
    }
}
