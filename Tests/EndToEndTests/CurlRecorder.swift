import Foundation

/// Runs a page's cURL snippet in a real bash with `curl` replaced by a function that records
/// its arguments, the way cases_check.py does: `whoami` and `id` print EXPANDED-… and HOME is
/// /EXPANDED-HOME, so any shell expansion shows up in the recorded argv.
enum CurlRecorder {
    /// The recorded argv of one snippet, or why it could not be recorded.
    struct Recording: Sendable, CustomStringConvertible {
        var syntaxOK: Bool
        var status: Int32
        var stderr: String
        /// The arguments `curl` received (without `curl` itself); nil when it was never called.
        var arguments: [String]?

        var description: String {
            "bash -n \(syntaxOK ? "ok" : "failed"), exit \(status), stderr: \(stderr), args: \(arguments ?? [])"
        }
    }

    private static let prelude = """
        set +H
        curl() { : > "$CURL_ARGS"; for a in "$@"; do printf '%s\\0' "$a" >> "$CURL_ARGS"; done; }
        whoami() { printf 'EXPANDED-whoami'; }
        id() { printf 'EXPANDED-id'; }

        """

    /// The cURL snippets of an HTML page (`<code class="language-curl">`), entity-decoded.
    static func snippets(in html: String) -> [String] {
        html.matches(of: /<code class="language-curl">(.*?)<\/code>/.dotMatchesNewlines())
            .map { HTMLText.decodeEntities(String($0.1)) }
    }

    /// Checks `snippet` with `bash -n`, then runs it with the recording prelude.
    static func record(_ snippet: String) async throws -> Recording {
        let folder = try Scratch.directory("curl")
        defer { Scratch.remove(folder) }
        let script = folder.appendingPathComponent("snippet.sh"), args = folder.appendingPathComponent("args")
        try Data((snippet + "\n").utf8).write(to: script)
        let environment = ["PATH": "/usr/bin:/bin", "HOME": "/EXPANDED-HOME", "LANG": "C.UTF-8",
                           "CURL_ARGS": args.path]
        let syntax = try await CommandRunner.run(program: "bash", ["-n", script.path], environment: environment)
        guard syntax.status == 0 else {
            return Recording(syntaxOK: false, status: syntax.status, stderr: syntax.stderr, arguments: nil)
        }
        let wrapper = folder.appendingPathComponent("wrapper.sh")
        try Data((prelude + "source \"\(script.path)\"\n").utf8).write(to: wrapper)
        let run = try await CommandRunner.run(program: "bash", ["--noprofile", "--norc", wrapper.path],
                                              in: folder, environment: environment)
        let recorded = (try? Data(contentsOf: args)).map { data in
            data.split(separator: 0, omittingEmptySubsequences: false).dropLast()
                .map { String(decoding: $0, as: UTF8.self) }
        }
        return Recording(syntaxOK: true, status: run.status, stderr: run.stderr, arguments: recorded)
    }

    /// The values of every `-H`/`--header` argument.
    static func headers(_ arguments: [String]) -> [String] {
        values(of: ["-H", "--header"], in: arguments)
    }

    /// The values of every body argument (`-d`, `--data`, `--data-raw`, `--data-binary`, …).
    static func bodies(_ arguments: [String]) -> [String] {
        values(of: ["-d", "--data", "--data-raw", "--data-binary", "--data-ascii", "--data-urlencode"], in: arguments)
    }

    /// The URL argument: the value of `--url`, else the first argument that is neither an
    /// option nor the value of one.
    static func url(_ arguments: [String]) -> String? {
        if let explicit = values(of: ["--url"], in: arguments).first { return explicit }
        let takesValue: Set<String> = ["-H", "--header", "-d", "--data", "--data-raw", "--data-binary", "--data-ascii",
                                       "--data-urlencode", "-u", "--user", "-X", "--request", "-F", "--form",
                                       "-o", "--output", "-A", "--user-agent", "-e", "--referer", "-b", "--cookie",
                                       "--form-string", "-T", "--upload-file"]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if takesValue.contains(argument) { index += 2; continue }
            if !argument.hasPrefix("-") { return argument }
            index += 1
        }
        return nil
    }

    /// Credentials sent: every `-u`/`--user` value and every `Authorization: Basic` header, decoded.
    static func credentials(_ arguments: [String]) -> [String] {
        values(of: ["-u", "--user"], in: arguments) + headers(arguments).compactMap { header in
            header.firstMatch(of: /(?i)^authorization:\s*basic\s+(\S+)$/)
                .flatMap { Data(base64Encoded: String($0.1)) }
                .map { String(decoding: $0, as: UTF8.self) }
        }
    }

    /// The values given to any of `options`, as `-X VALUE` or `--option=VALUE`.
    static func values(of options: Set<String>, in arguments: [String]) -> [String] {
        var found: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if options.contains(argument), index + 1 < arguments.count {
                found.append(arguments[index + 1])
                index += 2
                continue
            }
            if let option = options.first(where: { $0.hasPrefix("--") && argument.hasPrefix($0 + "=") }) {
                found.append(String(argument.dropFirst(option.count + 1)))
            }
            index += 1
        }
        return found
    }
}
