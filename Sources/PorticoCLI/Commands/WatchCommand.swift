import Foundation
import PorticoModel

/// `portico watch [WORKSPACE] [--out DIR] [--serve] [--port N] [--host ADDR]`:
/// one build, then a rebuild per burst of changes. Builds run one at a time on
/// this thread; changes arriving during a build are collected by the watcher and
/// make the next build. Errors are printed and the last good sites stay.
enum WatchCommand {
    static func run(_ args: Arguments) throws -> Int32 {
        if args.flags.contains("--help") {
            Console.out(HelpText.watch)
            return 0
        }
        try CommandChecks.allow(args, options: ["--out", "--port", "--host"], switches: ["--serve"], maxPositional: 1)
        if !args.flags.contains("--serve"), args.value("--port") != nil || args.value("--host") != nil {
            throw UsageError("--port and --host go with --serve (portico watch --serve --port N)")
        }
        let workspace = CommandChecks.workspace(args)
        let output = URL(fileURLWithPath: args.value("--out") ?? "site")
        let request = BuildRequest(workspace: workspace, output: output)
        if let problem = OutputLocation.check(output: output, workspace: workspace) {
            throw DiagnosticList([problem])
        }
        let watcher = try FileWatcher(root: workspace, ignoring: [output])
        let pipeline = BuildPipeline(incremental: true)
        var server: StaticServer?
        if args.flags.contains("--serve") {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            let s = try StaticServer(root: output, host: args.value("--host") ?? "127.0.0.1",
                                     port: try ServeCommand.port(args))
            s.liveReload = true
            server = s
            Console.out("serving \(output.path) at http://\(s.host):\(s.port)/")
        }
        let interrupt = Interrupt { watcher.stop() }
        defer { interrupt.cancel() }

        build(pipeline, request, server: server)
        Console.out("watching \(workspace.path) for changes (Ctrl-C to stop)")
        while let changes = watcher.waitForChanges() {
            if !changes.fullRescan {
                Console.out("changed: " + changes.paths.sorted().prefix(5).joined(separator: ", ")
                            + (changes.paths.count > 5 ? " and \(changes.paths.count - 5) more" : ""))
            }
            build(pipeline, request, server: server)
        }
        server?.stop()
        pipeline.forgetPublished()
        Console.out("stopped")
        return 0
    }

    private static func build(_ pipeline: BuildPipeline, _ request: BuildRequest, server: StaticServer?) {
        do {
            let summary = try pipeline.run(request)
            summary.warnings.forEach(Console.err)
            Console.out(summary.line)
            server?.notifyReload()
        } catch {
            Console.report(error)
            Console.err("the last good sites stay published; fix the error and save again")
        }
    }
}

/// Runs a handler on Ctrl-C (SIGINT) or SIGTERM instead of dying, so watch and
/// serve can stop cleanly and exit 0.
final class Interrupt: @unchecked Sendable {
    private var sources: [DispatchSourceSignal] = []

    init(_ handler: @escaping @Sendable () -> Void) {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler(handler: handler)
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        sources.forEach { $0.cancel() }
    }
}
