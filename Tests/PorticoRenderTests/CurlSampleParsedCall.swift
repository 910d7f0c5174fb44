import Foundation

/// The curl command line a snippet produced, read the way curl reads it.
struct ParsedCurl {
    var urls: [String] = []
    var method: String?
    var headers: [String] = []
    /// `(option, value)` of every --data* option, in order.
    var data: [(String, String)] = []
    /// `(option, value)` of every -F / --form-string option.
    var forms: [(String, String)] = []
    var user: String?
    var flags: Set<String> = []
    var awsSigV4: String?

    static let valueOptions: Set<String> = ["-X", "-H", "-u", "-F", "--form-string", "--data-raw", "--data-binary",
                                            "--data-urlencode", "-d", "--data", "--url", "--aws-sigv4"]

    init(_ args: [String]) {
        var i = 0
        while i < args.count {
            let a = args[i]
            guard Self.valueOptions.contains(a) else {
                if a.hasPrefix("-") { flags.insert(a) } else { urls.append(a) }
                i += 1
                continue
            }
            let v = i + 1 < args.count ? args[i + 1] : ""
            i += 2
            switch a {
            case "-X": method = v
            case "-H": headers.append(v)
            case "-u": user = v
            case "-F", "--form-string": forms.append((a, v))
            case "--url": urls.append(v)
            case "--aws-sigv4": awsSigV4 = v
            default: data.append((a, v))
            }
        }
    }

    var url: String { urls.first ?? "" }

    /// The method curl uses.
    var effectiveMethod: String {
        if let method { return method }
        if flags.contains("--head") || flags.contains("-I") { return "HEAD" }
        return data.isEmpty && forms.isEmpty ? "GET" : "POST"
    }

    /// The body bytes curl sends for the --data* options (files named, not read).
    var body: String? {
        guard !data.isEmpty else { return nil }
        return data.map { opt, val -> String in
            guard opt == "--data-urlencode" else { return val }
            // curl: `name=content` sends name as is and encodes content.
            if let eq = val.firstIndex(of: "=") {
                let name = val[..<eq]
                let content = percentEncode(String(val[val.index(after: eq)...]))
                return name.isEmpty ? content : name + "=" + content
            }
            return percentEncode(val)
        }.joined(separator: "&")
    }

    /// Values of the headers with this name (case-insensitive); `Name;` counts as an empty value.
    func headerValues(_ name: String) -> [String] {
        headers.compactMap { h in
            if h.lowercased() == name.lowercased() + ";" { return "" }
            guard let colon = h.firstIndex(of: ":"), h[..<colon].lowercased() == name.lowercased() else { return nil }
            return String(h[h.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
        }
    }
}

/// curl's `--data-urlencode` encoding: everything but unreserved characters.
func percentEncode(_ s: String) -> String {
    var out = ""
    for byte in s.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
             UInt8(ascii: "~"):
            out.unicodeScalars.append(Unicode.Scalar(byte))
        default:
            out += String(format: "%%%02X", byte)
        }
    }
    return out
}

/// `%XX` decoded to bytes, read as UTF-8; `+` stays `+`.
func percentDecode(_ s: String) -> String {
    var bytes: [UInt8] = []
    let utf8 = Array(s.utf8)
    var i = 0
    while i < utf8.count {
        if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
           let byte = UInt8(String(decoding: utf8[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
            bytes.append(byte)
            i += 3
        } else {
            bytes.append(utf8[i])
            i += 1
        }
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// `a=1&b=2` as decoded pairs (no `=`: empty value).
func formPairs(_ body: String) -> [[String]] {
    body.split(separator: "&", omittingEmptySubsequences: false).map { pair in
        let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
        return [percentDecode(String(parts[0])), parts.count > 1 ? percentDecode(String(parts[1])) : ""]
    }
}
