import Foundation
import PorticoModel
import PorticoRender
import Testing

/// The real curl, run from the snippet, delivers the documented bytes to a loopback server.
@Suite("cURL sample against a loopback server", .enabled(if: LoopbackEcho.available), .timeLimit(.minutes(1)))
struct CurlSampleLoopbackTests {
    @Test("raw, urlencoded and header bytes arrive unchanged")
    func bytesArrive() throws {
        let server = try LoopbackEcho()
        defer { server.stop() }
        let raw = "line 1\r\nline 2 with trailing backslash \\\r\n{\"shell\": \"$HOME `whoami` $(id) wow!\", \"e\": \"🎹\"}\r\n"
        let rawEcho = try server.send(CurlFixtures.request(
            "PUT", server.url + "/v1/notes('key-1')?q=a b",
            headers: [.init(key: "X-Note", value: "it's \"fine\"")],
            auth: CurlFixtures.auth("basic", ["username": "partner-bot", "password": "{{svcPassword}}"]),
            body: .raw(text: raw, language: "text")))
        #expect(rawEcho["method"] as? String == "PUT")
        #expect(rawEcho["path"] as? String == "/v1/notes('key-1')?q=a%20b")
        #expect(rawEcho["body_hex"] as? String == hex(raw))
        let headers = rawEcho["headers"] as? [String: String] ?? [:]
        #expect(headers["x-note"] == "it's \"fine\"")
        #expect(headers["content-type"] == "text/plain")
        #expect(headers["authorization"] == "Basic " + Data("partner-bot:{{svcPassword}}".utf8).base64EncodedString())

        let formEcho = try server.send(CurlFixtures.request("POST", server.url + "/v1/token", body: .urlencoded([
            .init(key: "client secret", value: "{{clientSecret}}"), .init(key: "note", value: "a&b=c+d %41 it's\n!"),
        ])))
        #expect(formEcho["form"] as? [[String]] == [["client secret", "{{clientSecret}}"], ["note", "a&b=c+d %41 it's\n!"]])
    }

    private func hex(_ s: String) -> String { s.utf8.map { String(format: "%02x", $0) }.joined() }
}

/// A python3 HTTP server on 127.0.0.1 that answers each request with a JSON description of it.
final class LoopbackEcho {
    static let script = """
        import http.server, json, os, signal, sys, threading, urllib.parse
        # The test process starts children with signals blocked; unblock so SIGTERM works, and
        # end on our own if the test never stops us.
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
        threading.Timer(60, os._exit, [0]).start()
        class H(http.server.BaseHTTPRequestHandler):
            def handle_one_request(self):
                self.connection.settimeout(10)
                super().handle_one_request()
            def do_ANY(self):
                body = self.rfile.read(int(self.headers.get('Content-Length') or 0))
                out = {'method': self.command, 'path': self.path, 'body_hex': body.hex(),
                       'headers': {k.lower(): v for k, v in self.headers.items()},
                       'form': [list(p) for p in urllib.parse.parse_qsl(body.decode('utf-8', 'replace'),
                                                                        keep_blank_values=True)]}
                data = json.dumps(out).encode()
                self.send_response(200)
                self.send_header('Content-Length', str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            do_GET = do_POST = do_PUT = do_ANY
            def log_message(self, *a): pass
        s = http.server.HTTPServer(('127.0.0.1', 0), H)
        print(s.server_address[1], flush=True)
        s.serve_forever()
        """

    static let available: Bool = {
        ["/usr/bin/curl", "/bin/bash"].allSatisfy { FileManager.default.isExecutableFile(atPath: $0) }
            && run("/usr/bin/env", ["python3", "-c", "pass"]) == 0
    }()

    private let process = Process()
    let url: String

    init() throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.script]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        var line = Data()
        while let byte = try out.fileHandleForReading.read(upToCount: 1), !byte.isEmpty, byte != Data("\n".utf8) {
            line += byte
        }
        url = "http://127.0.0.1:" + String(decoding: line, as: UTF8.self)
    }

    func stop() {
        // SIGKILL: the child may have inherited a blocked SIGTERM.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    /// Runs the request's snippet with the real curl (bounded in time) and returns the echo.
    /// Output goes to a file, not a pipe (see `CurlBashJudge.bash`).
    func send(_ request: SiteRequest) throws -> [String: Any] {
        let snippet = CurlSample().sample(for: request)
        let wrapper = "curl() { command curl -sS --max-time 10 \"$@\" > \"$ECHO_OUT\"; }\n" + snippet + "\n"
        let outFile = FileManager.default.temporaryDirectory.appendingPathComponent("curl-echo-" + UUID().uuidString)
        defer { try? FileManager.default.removeItem(at: outFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["--noprofile", "--norc", "-c", wrapper]
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": "/EXPANDED-HOME", "LANG": "C.UTF-8",
                               "ECHO_OUT": outFile.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let data = try Data(contentsOf: outFile)
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    private static func run(_ path: String, _ args: [String]) -> Int32 {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return -1 }
        p.waitUntilExit()
        return p.terminationStatus
    }
}
