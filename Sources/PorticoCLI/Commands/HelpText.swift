/// The text of `--help` for each command.
enum HelpText {
    static let version = "portico 0.1.0"

    static let main = """
    portico: publish one API workspace as a separate static documentation site per partner.

    Usage: portico <command> [options]

    Commands:
      build [WORKSPACE]    build the partner sites (default output: site/)
      check [WORKSPACE]    validate the workspace and render in memory; write nothing
      preview [WORKSPACE]  build the team preview: everything, with visibility badges and comments
      watch [WORKSPACE]    build, then rebuild whenever the workspace changes
      serve [SITE_DIR]     serve built sites over HTTP on this machine

    Options:
      -h, --help           show help for a command (portico build --help)
      --version            print the version

    WORKSPACE defaults to the current directory.
    Exit status: 0 success, 1 errors in the workspace, 64 wrong usage.
    """

    static let build = """
    Usage: portico build [WORKSPACE] [--out DIR] [--partner SLUG]...

    Builds site/<slug>/ for every partner (multipartner: true) or the shared
    site/partners/ (multipartner: false). Every site is replaced whole, or not at all
    when the workspace has an error.

      --out DIR         output folder (default: site)
      --partner SLUG    build only this partner's site; repeat for several
    """

    static let check = """
    Usage: portico check [WORKSPACE]

    Reads, validates and renders the workspace in memory, runs the leak guard, and
    reports every problem as path:line:column: error: message. Writes nothing.
    """

    static let preview = """
    Usage: portico preview [WORKSPACE] [--out DIR]

    Builds the team's own view: every collection, folder, request and page including
    internal ones, every partner, the comment threads, and a badge on each item
    saying who can see it. Never publish it to partners.

      --out DIR         preview folder (default: .portico/preview)
    """

    static let watch = """
    Usage: portico watch [WORKSPACE] [--out DIR] [--serve] [--port N] [--host ADDR]

    Builds, then watches the workspace and republishes the affected sites after
    every change. An error is printed and the last good sites stay published.
    Ctrl-C stops.

      --out DIR         output folder (default: site)
      --serve           also serve the sites, and reload open pages after each build
      --port N          port for --serve (default: 8080)
      --host ADDR       address for --serve (default: 127.0.0.1)
    """

    static let serve = """
    Usage: portico serve [SITE_DIR] [--port N] [--host ADDR]

    Serves built sites (default: site) over HTTP for a local look; / lists the
    sites of an output folder, each at /<partner>/.

      --port N          port (default: 8080; 0 picks a free one)
      --host ADDR       address to listen on (default: 127.0.0.1)
    """
}
