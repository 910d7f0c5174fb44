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

    static func port(_ args: Arguments) throws -> UInt16 {
        guard let text = args.value("--port") else { return 8080 }
        guard let port = UInt16(text) else { throw UsageError("--port takes a number from 0 to 65535") }
        return port
    }
}
