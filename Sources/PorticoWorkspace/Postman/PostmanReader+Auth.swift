import PorticoModel

/// Auth blocks at collection, folder and request level, v2.1 and v2.0 shapes.
extension PostmanReadContext {
    /// nil means "inherit from the parent": no `auth`, `auth: null`, or an auth
    /// without `type`. `noauth` is kept as an explicit "none".
    ///
    /// Only the attributes of the active type are read: Postman keeps the settings
    /// of schemes the team switched away from, and those must not reach any site.
    mutating func readAuth(in object: JSONNode) -> PostmanAuth? {
        guard let auth = self.object("auth", in: object), let type = string("type", in: auth), !type.isEmpty else {
            return nil
        }
        guard type != "noauth", let attributes = auth[type] else { return PostmanAuth(type: type) }
        switch attributes.kind {
        case .null:
            return PostmanAuth(type: type)
        case .array(let elements):
            // v2.1: [{"key": "token", "value": "…", "type": "string"}]
            let parameters = elements.compactMap { element -> PostmanKeyValue? in
                guard element.members != nil else {
                    report("each `\(type)` auth attribute must be an object with `key` and `value`, found \(element.kindDescription)",
                           at: element)
                    return nil
                }
                guard let key = string("key", in: element) else {
                    report("this `\(type)` auth attribute has no `key`", at: element)
                    return nil
                }
                let value = element["value"]
                return PostmanKeyValue(key: key, value: anyText(value),
                                       type: string("type", in: element) ?? Self.attributeType(of: value))
            }
            return PostmanAuth(type: type, parameters: parameters)
        case .object(let members):
            // v2.0: {"username": "…", "password": "…"}
            return PostmanAuth(type: type, parameters: members.map { member in
                PostmanKeyValue(key: member.key, value: anyText(member.value), type: Self.attributeType(of: member.value))
            })
        default:
            reportType(type, expected: "an array of auth attributes or an object", found: attributes)
            return PostmanAuth(type: type)
        }
    }

    /// The attribute type Postman would write, so a boolean or list written back out
    /// keeps its JSON type.
    static func attributeType(of value: JSONNode?) -> String? {
        switch value?.kind {
        case .bool: "boolean"
        case .number: "number"
        case .array, .object: "any"
        default: nil
        }
    }
}
