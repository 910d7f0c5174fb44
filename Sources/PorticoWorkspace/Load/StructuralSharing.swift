import PorticoModel

/// Watch mode re-reads a whole collection file when one request in it changes. The
/// new value is equal to the old one except where the file changed; this swaps every
/// equal part of the new value for the old one, so that later stages comparing this
/// build's values with the last build's (projection and page memos) find most of them
/// identical by storage, which Swift's `==` on strings and arrays checks first.
/// Substituting an equal value changes nothing observable.
enum StructuralSharing {
    static func share(_ new: PostmanCollection, with old: PostmanCollection) -> PostmanCollection {
        var out = new
        out.items = share(new.items, with: old.items)
        if new.description == old.description { out.description = old.description }
        if new.auth == old.auth { out.auth = old.auth }
        if new.variables == old.variables { out.variables = old.variables }
        if new.location == old.location { out.location = old.location }
        return out
    }

    static func share(_ new: [PostmanItem], with old: [PostmanItem]) -> [PostmanItem] {
        var out = new
        var allOld = new.count == old.count
        for i in new.indices {
            guard i < old.count else { allOld = false; break }
            let shared = share(new[i], with: old[i])
            out[i] = shared.item
            if !shared.same { allOld = false }
        }
        return allOld ? old : out
    }

    /// The item with equal parts taken from `old`, and whether it is equal to `old` as a whole.
    private static func share(_ new: PostmanItem, with old: PostmanItem) -> (item: PostmanItem, same: Bool) {
        switch (new, old) {
        case (.request(let n), .request(let o)):
            if n == o { return (old, true) }
            var r = n
            if n.request == o.request { r.request = o.request }
            if n.responses == o.responses { r.responses = o.responses }
            return (.request(r), false)
        case (.folder(let n), .folder(let o)):
            var f = n
            f.items = share(n.items, with: o.items)
            if n.description == o.description { f.description = o.description }
            if n.auth == o.auth { f.auth = o.auth }
            if n.variables == o.variables { f.variables = o.variables }
            if f == o { return (old, true) }
            return (.folder(f), false)
        default:
            return (new, false)
        }
    }
}
