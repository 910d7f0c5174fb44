import PorticoModel

/// The variables one audience's pages are resolved with, layered lowest first:
/// collection variables, folder variables (nearest folder last), the default
/// environment, then the partner's own `environment:` values (spec section 8).
/// A key that is `secret` in the environment is removed from every layer, so it
/// stays `{{name}}` wherever it is used, whatever a lower layer says.
public struct VariableScope: Sendable {
    public private(set) var values: [String: String]
    public let secretKeys: Set<String>
    /// Environment and partner layers, applied again over every folder layer so they keep precedence.
    private let overrides: [String: String]

    public init(collection: [PostmanVariable], environment: PostmanEnvironment?, partnerValues: [(key: String, value: String)]) {
        var secrets = Set<String>()
        var overrides: [String: String] = [:]
        for v in environment?.values ?? [] where v.enabled {
            if v.isSecret { secrets.insert(v.key) } else { overrides[v.key] = v.value }
        }
        for (key, value) in partnerValues where !secrets.contains(key) {
            overrides[key] = value
        }
        var values: [String: String] = [:]
        for v in collection where !v.disabled && v.type != "secret" {
            values[v.key] = v.value
        }
        for v in collection where v.type == "secret" { secrets.insert(v.key) }
        self.secretKeys = secrets
        self.overrides = overrides
        self.values = values.merging(overrides) { _, new in new }
        for key in secrets { self.values[key] = nil }
    }

    /// The scope inside a folder that declares its own variables.
    public func entering(folderVariables: [PostmanVariable]) -> VariableScope {
        guard !folderVariables.isEmpty else { return self }
        var copy = self
        for v in folderVariables where !v.disabled && !secretKeys.contains(v.key) && v.type != "secret" {
            copy.values[v.key] = v.value
        }
        for (key, value) in overrides { copy.values[key] = value }
        return copy
    }

    public var resolver: VariableResolver { VariableResolver(values: values) }
}
