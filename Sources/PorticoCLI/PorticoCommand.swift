import Foundation
import PorticoModel

/// The `portico` command line: parses the arguments, runs one command, and exits
/// 0 (success), 1 (errors in the input) or 64 (wrong usage).
public enum PorticoCommand {
    public static func main() -> Never {
        exit(run(Array(CommandLine.arguments.dropFirst())))
    }

    public static func run(_ args: [String]) -> Int32 {
        do {
            let parsed = try Arguments(args, valued: ["--out", "--partner", "--port", "--host"],
                                       switches: ["--version", "--serve"])
            if parsed.flags.contains("--version") {
                Console.out(HelpText.version)
                return 0
            }
            guard let command = parsed.command else {
                Console.out(HelpText.main)
                return parsed.flags.contains("--help") ? 0 : 64
            }
            switch command {
            case "build": return try BuildCommand.run(parsed)
            case "check": return try CheckCommand.run(parsed)
            case "preview": return try PreviewCommand.run(parsed)
            case "watch": return try WatchCommand.run(parsed)
            case "serve": return try ServeCommand.run(parsed)
            case "help":
                Console.out(HelpText.main)
                return 0
            default:
                throw UsageError("unknown command `\(command)` (try portico --help)")
            }
        } catch let error as UsageError {
            Console.report(error)
            return 64
        } catch {
            Console.report(error)
            return 1
        }
    }
}
