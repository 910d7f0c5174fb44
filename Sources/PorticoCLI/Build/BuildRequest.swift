import Foundation

/// What one build is asked to do.
public struct BuildRequest: Sendable {
    public enum Kind: Sendable { case partnerSites, preview, checkOnly }

    public var workspace: URL
    public var output: URL
    /// Only these partners (multipartner mode); empty means all.
    public var partners: [String]
    public var kind: Kind

    public init(workspace: URL, output: URL, partners: [String] = [], kind: Kind = .partnerSites) {
        self.workspace = workspace
        self.output = output
        self.partners = partners
        self.kind = kind
    }
}

/// What a build did, for the summary line and for tests.
public struct BuildSummary: Sendable {
    public var sites: [String]
    public var pages: Int
    public var files: Int
    public var written: Int
    public var seconds: Double
    public var warnings: [String]

    /// Sites whose projection changed and were rendered again (all of them in a
    /// plain build; in watch mode only those an edit affected).
    public var rendered: Int = 0

    public var line: String {
        let s = sites.count == 1 ? "1 site" : "\(sites.count) sites"
        let time = String(format: "%.2f", seconds)
        if rendered < sites.count {
            let unchanged = sites.count - rendered
            return "built \(s): \(rendered) re-rendered (\(pages) pages, \(written) files written), \(unchanged) unchanged, in \(time) s"
        }
        return "built \(s), \(pages) pages, \(files) files (\(written) written) in \(time) s"
    }
}
