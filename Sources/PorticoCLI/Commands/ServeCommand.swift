import Foundation

/// `portico serve [SITE_DIR] [--port N] [--host ADDR]`: serves built sites until
/// Ctrl-C.
enum ServeCommand {
    static func run(_ args: Arguments) throws -> Int32 {
        if args.flags.contains("--help") {
            Console.out(HelpText.serve)
            return 0
        }
        try CommandChecks.allow(args, options: ["--port", "--host"], switches: [], maxPositional: 1)
        let root = URL(fileURLWithPath: args.positional.first ?? "site")
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            throw UsageError("\(root.path) is not a folder: build first (portico build), or name the folder to serve")
        }
        // A workspace holds what partners must never get (other partners, secrets in
        // environments/); what is served is what `portico build` made of it.
        if let workspace = workspaceInside(root) {
            throw UsageError("\(workspace.path) is a workspace, not built sites: it holds secrets and every partner. "
                             + "Build it (portico build \(workspace.path)) and serve the output, e.g. portico serve site")
        }
        let server = try StaticServer(root: root, host: args.value("--host") ?? "127.0.0.1", port: try port(args))
        Console.out("serving \(root.path) at http://\(server.host):\(server.port)/ (Ctrl-C to stop)")
        let done = DispatchSemaphore(value: 0)
        let interrupt = Interrupt { done.signal() }
        done.wait()
        interrupt.cancel()
        server.stop()
        Console.out("stopped")
        return 0
    }

    /// The workspace (a folder holding portico.yaml) the folder is, holds directly,
    /// or lies inside; a build's output is never any of these, the build refuses that.
    static func workspaceInside(_ root: URL) -> URL? {
        let fm = FileManager.default
        let children = (try? fm.contentsOfDirectory(atPath: root.path)) ?? []
        // Also any folder above: `serve workspace/docs` would hand out internal pages.
        var ancestors: [URL] = []
        var folder = root.standardizedFileURL.resolvingSymlinksInPath()
        while folder.path != "/" {
            folder = folder.deletingLastPathComponent()
            ancestors.append(folder)
        }
        return (children.sorted().map { root.appendingPathComponent($0) } + [root] + ancestors)
            .first { fm.fileExists(atPath: $0.appendingPathComponent("portico.yaml").path) }
    }

    static func port(_ args: Arguments) throws -> UInt16 {
        guard let text = args.value("--port") else { return 8080 }
        guard let port = UInt16(text) else { throw UsageError("--port takes a number from 0 to 65535") }
        return port
    }
}
