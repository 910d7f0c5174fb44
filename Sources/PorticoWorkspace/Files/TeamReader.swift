import PorticoModel

/// Reads the `team:` roster of portico.yaml: each member's name and role, and the
/// rule that the team has at least one admin.
enum TeamReader {
    static func read(_ node: YAMLNode, reader: YAMLValueReader) -> [TeamMember] {
        guard let items = reader.sequence(node, named: "team", of: "members (`- name: …`)") else { return [] }
        var team: [TeamMember] = []
        var memberFailed = false
        for item in items {
            if let member = member(item, reader: reader) {
                team.append(member)
            } else {
                memberFailed = true
            }
        }
        // A member already reported (say with role `admn`) may be the admin; saying
        // "no admin" as well would send the reader after the wrong problem.
        if !memberFailed, !team.contains(where: { $0.role == .admin }) {
            reader.error("`team` needs at least one member with `role: admin`", at: node)
        }
        return team
    }

    private static func member(_ node: YAMLNode, reader: YAMLValueReader) -> TeamMember? {
        guard let fields = reader.fields(of: node, in: "a team member", allowed: WorkspaceSettingsReader.memberKeys)
        else { return nil }
        let before = reader.diagnostics.count
        let name = reader.required("name", in: fields).flatMap { reader.string($0, named: "name") }
        let email = fields.optional("email").flatMap { reader.string($0, named: "email") }
        var role: TeamMember.Role?
        if let node = reader.required("role", in: fields), let text = reader.string(node, named: "role") {
            role = TeamMember.Role(rawValue: text.value)
            if role == nil {
                let roles = TeamMember.Role.allCases.map(\.rawValue)
                let hint = YAMLKeySuggestion.nearest(to: text.value, in: roles).map { "; did you mean `\($0)`?" } ?? ""
                reader.error("`role` must be viewer, editor or admin, found `\(text.value)`\(hint)", at: node)
            }
        }
        guard reader.diagnostics.count == before, let name, let role else { return nil }
        return TeamMember(name: name.value, email: email?.value, role: role, location: node.location(in: reader.path))
    }
}
