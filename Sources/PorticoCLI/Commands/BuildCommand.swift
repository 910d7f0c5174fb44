import Foundation

/// `portico build [WORKSPACE] [--out DIR] [--partner SLUG]...`
enum BuildCommand {
    static func run(_ args: Arguments) throws -> Int32 {
        if args.flags.contains("--help") {
            Console.out(HelpText.build)
            return 0
        }
        try CommandChecks.allow(args, options: ["--out", "--partner"], switches: [], maxPositional: 1)
        let request = BuildRequest(workspace: CommandChecks.workspace(args),
                                   output: URL(fileURLWithPath: args.value("--out") ?? "site"),
                                   partners: args.options["--partner"] ?? [])
        let summary = try BuildPipeline().run(request)
        summary.warnings.forEach(Console.err)
        Console.out(summary.line + " → \(request.output.path)")
        return 0
    }
}

/// `portico check [WORKSPACE]`
enum CheckCommand {
    static func run(_ args: Arguments) throws -> Int32 {
        if args.flags.contains("--help") {
            Console.out(HelpText.check)
            return 0
        }
        try CommandChecks.allow(args, options: [], switches: [], maxPositional: 1)
        let request = BuildRequest(workspace: CommandChecks.workspace(args), output: URL(fileURLWithPath: "site"),
                                   kind: .checkOnly)
        let summary = try BuildPipeline().run(request)
        summary.warnings.forEach(Console.err)
        Console.out("ok: \(summary.sites.count) site(s) would be built")
        return 0
    }
}

/// `portico preview [WORKSPACE] [--out DIR]`
enum PreviewCommand {
    static func run(_ args: Arguments) throws -> Int32 {
        if args.flags.contains("--help") {
            Console.out(HelpText.preview)
            return 0
        }
        try CommandChecks.allow(args, options: ["--out"], switches: [], maxPositional: 1)
        let out = URL(fileURLWithPath: args.value("--out") ?? ".portico/preview").standardizedFileURL
        let partnerRoot = URL(fileURLWithPath: "site").standardizedFileURL.path
        if out.path == partnerRoot || out.path.hasPrefix(partnerRoot + "/") {
            throw UsageError("the team preview must not be written inside the partner output folder site/")
        }
        // Partner sites built with another --out are found by their manifest: the
        // preview must not land in, or among, any folder that holds partner sites.
        var folder = URL(fileURLWithPath: OutputLocation.resolved(out))
        while true {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(Publisher.manifestName).path) {
                throw UsageError("the team preview must not be written inside \(folder.path), which holds partner sites")
            }
            if folder.path == "/" { break }
            folder = folder.deletingLastPathComponent()
        }
        let summary = try BuildPipeline().run(BuildRequest(workspace: CommandChecks.workspace(args), output: out, kind: .preview))
        summary.warnings.forEach(Console.err)
        Console.out("team preview: \(summary.pages) pages → \(out.path)/index.html (internal: do not publish)")
        return 0
    }
}

/// Argument checks shared by the commands.
enum CommandChecks {
    static func allow(_ args: Arguments, options: Set<String>, switches: Set<String>, maxPositional: Int) throws {
        for name in args.options.keys where !options.contains(name) {
            throw UsageError("\(args.command ?? "portico") does not take \(name)")
        }
        for name in args.flags where !switches.contains(name) && name != "--help" {
            throw UsageError("\(args.command ?? "portico") does not take \(name)")
        }
        if args.positional.count > maxPositional {
            throw UsageError("too many arguments: \(args.positional.joined(separator: " "))")
        }
    }

    static func workspace(_ args: Arguments) -> URL {
        URL(fileURLWithPath: args.positional.first ?? ".")
    }
}
