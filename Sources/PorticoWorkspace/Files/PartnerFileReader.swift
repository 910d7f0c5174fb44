import Foundation
import PorticoModel

/// Reads `partners/<slug>.yaml` (spec section 3): the slug from the file name, the
/// partner's name, its members (viewers only) and its environment overlay.
public enum PartnerFileReader {
    static let keys = ["name", "members", "environment"]
    static let memberKeys = ["name", "email", "role"]

    /// - Throws: `DiagnosticList` with every problem found, the file name's included.
    public static func read(_ data: Data, path: String) throws -> PartnerFile {
        let reader = YAMLValueReader(path: path)
        let fileName = path.split(separator: "/").last.map(String.init) ?? path
        let slug = fileName.hasSuffix(".yaml") ? String(fileName.dropLast(".yaml".count)) : fileName
        if !fileName.hasSuffix(".yaml") || !isValidSlug(slug) {
            reader.error("partner file `\(fileName)` must be named <slug>.yaml, where the slug is 1 to 63 lowercase "
                + "letters, digits and hyphens, starting with a letter or digit (^[a-z0-9][a-z0-9-]{0,62}$)",
                at: SourceLocation(path: path))
        }
        var partner = PartnerFile(slug: slug, name: "", location: SourceLocation(path: path, line: 1, column: 1))
        do {
            let root = try YAMLParser.parse(data, path: path)
            partner.location = root.location(in: path)
            if root.isNull {
                reader.error("the partner file is empty; it needs at least `name`", at: root)
            } else if let fields = reader.fields(of: root, in: "a partner file", allowed: keys) {
                readFields(fields, into: &partner, reader: reader)
            }
        } catch let diagnostic as Diagnostic {
            reader.error(diagnostic.message, at: diagnostic.location ?? SourceLocation(path: path))
        }
        try reader.throwIfNeeded()
        return partner
    }

    /// `^[a-z0-9][a-z0-9-]{0,62}$`: the slug becomes a folder name and a URL segment.
    public static func isValidSlug(_ slug: String) -> Bool {
        let bytes = Array(slug.utf8)
        func isLowerAlnum(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
        guard let first = bytes.first, isLowerAlnum(first), bytes.count <= 63 else { return false }
        return bytes.dropFirst().allSatisfy { isLowerAlnum($0) || $0 == 0x2D }
    }

    private static func readFields(_ fields: YAMLFields, into partner: inout PartnerFile, reader: YAMLValueReader) {
        if let node = reader.required("name", in: fields), let name = reader.string(node, named: "name") {
            partner.name = name.value
        }
        if let node = fields.optional("members"),
           let items = reader.sequence(node, named: "members", of: "members (`- name: …`)") {
            partner.members = items.compactMap { member($0, reader: reader) }
        }
        if let node = fields.optional("environment") {
            let pairs = environment(node, reader: reader)
            partner.environmentKeys = pairs.map(\.0)
            partner.environment = pairs.map(\.1)
        }
    }

    private static func member(_ node: YAMLNode, reader: YAMLValueReader) -> PartnerMember? {
        guard let fields = reader.fields(of: node, in: "a partner member", allowed: memberKeys) else { return nil }
        let name = reader.required("name", in: fields).flatMap { reader.string($0, named: "name") }
        let email = fields.optional("email").flatMap { reader.string($0, named: "email") }
        if let roleNode = fields.optional("role"), let role = reader.string(roleNode, named: "role"),
           role.value != "viewer" {
            reader.error("`role: \(role.value)` is not allowed here: partners are viewers only", at: roleNode)
        }
        guard let name else { return nil }
        return PartnerMember(name: name.value, email: email?.value, location: node.location(in: reader.path))
    }

    /// Keys and values in file order. Values are scalars kept as written: `8080`
    /// stays "8080" and `true` stays "true", since they end up in request text.
    private static func environment(_ node: YAMLNode, reader: YAMLValueReader) -> [(String, Located<String>)] {
        guard let fields = reader.fields(of: node, in: "`environment`", allowed: nil) else { return [] }
        var pairs: [(String, Located<String>)] = []
        for (key, pair) in fields.entries {
            if key.isEmpty {
                reader.error("environment keys must not be empty", at: pair.key)
                continue
            }
            guard let scalar = pair.value.scalar else {
                reader.error("environment value `\(key)` must be a single value, found \(pair.value.kindDescription)",
                             at: pair.value)
                continue
            }
            pairs.append((key, Located(scalar.text, at: pair.value.location(in: reader.path))))
        }
        return pairs
    }
}
