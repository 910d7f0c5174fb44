import Foundation

/// Reads Postman JSON files with Foundation's own parser and counts their requests,
/// independently of Portico's reader, so a count Portico gets wrong cannot agree with itself.
enum PostmanJSON {
    /// Parses JSON, allowing the leading byte-order mark the workspace format allows.
    static func parse(_ data: Data) throws -> Any {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let body = data.starts(with: bom) ? data.dropFirst(3) : data[...]
        return try JSONSerialization.jsonObject(with: Data(body), options: [.fragmentsAllowed])
    }

    static func parse(contentsOf url: URL) throws -> Any {
        try parse(Data(contentsOf: url))
    }

    /// Items that have a `request` key, at any depth of `item` arrays.
    static func requestCount(_ collection: Any) -> Int {
        guard let object = collection as? [String: Any] else { return 0 }
        return count(object["item"])
    }

    private static func count(_ items: Any?) -> Int {
        guard let items = items as? [Any] else { return 0 }
        return items.reduce(0) { total, item in
            guard let item = item as? [String: Any] else { return total }
            return total + (item["request"] != nil ? 1 : 0) + count(item["item"])
        }
    }

    /// Every string in a JSON value, keys included: the text a renderer could show.
    static func strings(in value: Any) -> [String] {
        switch value {
        case let string as String: return [string]
        case let array as [Any]: return array.flatMap(strings(in:))
        case let object as [String: Any]: return object.flatMap { [$0.key] + strings(in: $0.value) }
        default: return []
        }
    }
}
