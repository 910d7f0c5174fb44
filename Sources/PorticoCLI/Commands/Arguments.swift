/// A command line split into a command, positional arguments and `--flag value`
/// options. Unknown flags are usage errors (exit 64), never ignored.
struct Arguments {
    var command: String?
    var positional: [String] = []
    var options: [String: [String]] = [:]
    var flags: Set<String> = []

    /// Parses `args` (without the program name). `valued` lists options that take a
    /// value (`--out DIR` or `--out=DIR`); `switches` those that do not.
    init(_ args: [String], valued: Set<String>, switches: Set<String>) throws {
        var rest = args[...]
        while let arg = rest.popFirst() {
            if arg == "--" {
                positional += rest
                break
            }
            if arg.hasPrefix("-") && arg != "-" {
                var name = arg
                var inline: String?
                if let eq = arg.firstIndex(of: "=") {
                    name = String(arg[..<eq])
                    inline = String(arg[arg.index(after: eq)...])
                }
                if name == "-h" { name = "--help" }
                if valued.contains(name) {
                    guard let value = inline ?? rest.popFirst() else { throw UsageError("\(name) needs a value") }
                    options[name, default: []].append(value)
                } else if switches.contains(name) || name == "--help" {
                    flags.insert(name)
                } else {
                    throw UsageError("unknown option \(name)")
                }
            } else if command == nil {
                command = arg
            } else {
                positional.append(arg)
            }
        }
    }

    func value(_ name: String) -> String? { options[name]?.last }
}
