import Foundation
import PorticoModel
import PorticoRender
import PorticoWorkspace

/// scan → read → validate → project → render → guard → publish. Any error before
/// publish stops the build for every partner, so the published sites stay exactly
/// as they were.
public final class BuildPipeline: @unchecked Sendable {
    /// The last good build per site folder (watch mode): a site whose projection did
    /// not change is neither rendered nor published again, and unchanged pages are
    /// reused. Only kept when `incremental`, since it holds every page in memory.
    private var states: [String: SiteState] = [:]
    /// What is published for each site folder, and the previous version kept beside
    /// it to publish the next build into (watch mode).
    private var published: [String: Publisher.PublishedSite] = [:]
    private let incremental: Bool
    private let projectionCache = ProjectionCache()
    private let parseCache = ParseCache()

    /// `incremental: true` (watch mode) remembers each build to speed up the next.
    public init(incremental: Bool = false) {
        self.incremental = incremental
    }

    public func run(_ request: BuildRequest) throws -> BuildSummary {
        do {
            return try runStages(request)
        } catch {
            throw DiagnosticPaths.relocate(error, workspace: request.workspace)
        }
    }

    private func runStages(_ request: BuildRequest) throws -> BuildSummary {
        let started = Date()
        if request.kind != .checkOnly, let problem = OutputLocation.check(output: request.output, workspace: request.workspace) {
            throw DiagnosticList([problem])
        }
        let timer = StageTimer()
        defer { timer.report() }
        let tree = try WorkspaceScanner.scan(request.workspace)
        timer.mark("scan")
        let workspace: Workspace
        do {
            workspace = try parseCache.load(tree)
        } catch let list as DiagnosticList {
            // `partner/` for `partners/` shows up as errors elsewhere ("unknown partner");
            // the hint that explains them belongs beside them.
            throw DiagnosticList(list.diagnostics + WorkspaceLint.misnamedFolders(request.workspace))
        }
        timer.mark("load")
        let warnings = (WorkspaceValidator.validate(workspace) + DocLinkCheck.warnings(workspace)
                        + WorkspaceLint.warnings(tree, workspace, root: request.workspace))
            .filter { $0.severity != .error }.map { DiagnosticPaths.relocate($0, workspace: request.workspace).description }
        let audiences = try audiences(for: workspace, request: request)
        let theme = try DefaultTheme.load(overrides: workspace.templates)
        timer.mark("theme")
        if request.kind == .checkOnly {
            // Render too, without writing: a template or leak problem is a check failure as well.
            _ = try render(workspace, audiences: audiences, theme: theme, reuse: false)
            return BuildSummary(sites: audiences.map(SiteProjection.folder(for:)), pages: 0, files: 0, written: 0,
                                seconds: Date().timeIntervalSince(started), warnings: warnings)
        }
        let rendered = try render(workspace, audiences: audiences, theme: theme, reuse: true)
        timer.mark("project+render+guard")
        let problems = Publisher.validate(rendered.changed.map { ($0.folder, $0.files) })
        if !problems.isEmpty { throw DiagnosticList(problems) }

        let publisher: Publisher
        if request.kind == .preview {
            publisher = Publisher(output: request.output.deletingLastPathComponent())
        } else {
            publisher = Publisher(output: request.output)
        }
        // Every folder the build would replace is checked before the first swap, so a
        // refusal (a folder Portico did not publish) leaves every site as it was.
        let refusals = rendered.changed.compactMap { site -> Diagnostic? in
            let folder = request.kind == .preview ? request.output.lastPathComponent : site.folder
            let isPreview = site.files.contains { $0.path == SitePaths.previewMarker }
            return publisher.replacementProblem(publisher.output.appendingPathComponent(folder), folder: folder,
                                                isPreview: isPreview).map { .error($0 + "; nothing was published") }
        }
        if !refusals.isEmpty { throw DiagnosticList(refusals) }
        var written = 0
        var files = 0
        var pages = 0
        for site in rendered.changed {
            let folder = request.kind == .preview ? request.output.lastPathComponent : site.folder
            do {
                let memory: Publisher.PublishedSite? = incremental ? published[folder] ?? Publisher.PublishedSite() : nil
                published[folder] = memory
                let report = try publisher.publish(folder, files: site.files, knownUnchanged: site.unchanged,
                                                   memory: memory)
                written += report.written + report.removed
            } catch {
                // What is on disk no longer matches what we remember: start afresh.
                states = [:]
                forgetPublished()
                throw DiagnosticList([.error("publishing \(folder) failed: \(error.localizedDescription)")])
            }
        }
        timer.mark("publish")
        for site in rendered.changed {
            files += site.files.count
            pages += site.files.filter { $0.path.hasSuffix(".html") }.count
            if incremental { states[site.folder] = site.state }
        }
        if incremental && request.kind == .partnerSites && request.partners.isEmpty {
            let current = Set(audiences.map(SiteProjection.folder(for:)))
            for (folder, memory) in published where !current.contains(folder) {
                memory.forget()
                published[folder] = nil
            }
        }
        if request.kind == .partnerSites {
            try publisher.finish(current: Set(audiences.map(SiteProjection.folder(for:))),
                                 removeStale: request.partners.isEmpty)
            try writeLockIfNeeded(workspace, at: request.workspace)
        }
        var summary = BuildSummary(sites: audiences.map(SiteProjection.folder(for:)), pages: pages, files: files,
                                   written: written, seconds: Date().timeIntervalSince(started), warnings: warnings)
        summary.rendered = rendered.changed.count
        return summary
    }

    /// One rendered site.
    struct RenderedSite {
        var folder: String
        var files: [OutputFile]
        /// Files known to have the same bytes as in the last published build.
        var unchanged: Set<String>
        var state: SiteState
    }

    /// Removes the previous versions kept beside the published sites (watch mode
    /// keeps them between builds); call when watching stops.
    public func forgetPublished() {
        for memory in published.values { memory.forget() }
        published = [:]
    }

    private func render(_ workspace: Workspace, audiences: [Audience], theme: Theme, reuse: Bool)
        throws -> (changed: [RenderedSite], unchanged: [String]) {
        let renderer = SiteRenderer(theme: theme)
        let guardrail = LeakGuard(workspace: workspace)
        let results = ConcurrentResults<Result<RenderedSite?, Error>>(count: audiences.count)
        let previous = reuse ? states : [:]
        DispatchQueue.concurrentPerform(iterations: audiences.count) { i in
            let audience = audiences[i]
            let clock = SiteClock()
            let site = SiteProjection.project(workspace, for: audience, cache: projectionCache)
            clock.lap("project")
            let last = previous[site.folder]
            defer { clock.report(site.folder) }
            if let last, last.projection == site {
                // Same site, same bytes; but what counts as a leak depends on the whole
                // workspace: a member just added to another partner may already be named
                // on a shared page. A build publishes nothing that check would refuse.
                let canaries = guardrail.canaries(site: site, for: audience)
                clock.lap("canaries (unchanged site)")
                if canaries != last.canaries {
                    // Only what was not searched for last time can be new in these bytes.
                    let searched = Set(last.canaries ?? [])
                    let added = canaries.filter { !searched.contains($0) }
                    let published = added.isEmpty ? []
                        : last.files.sorted { $0.key < $1.key }.map { OutputFile(path: $0.key, bytes: $0.value) }
                    let leaks = guardrail.check(published, site: site, canaries: added)
                    clock.lap("rescan \(published.count) files for \(added.count) new strings")
                    if !leaks.isEmpty {
                        results.set(i, .failure(DiagnosticList(leaks)))
                        return
                    }
                    last.canaries = canaries
                }
                results.set(i, .success(nil))
                return
            }
            results.set(i, Result {
                let state = SiteState()
                state.projection = site
                state.memo = RenderMemo()
                clock.lap("compare")
                let files = try renderer.render(site, previous: last?.memo, memo: state.memo ?? RenderMemo())
                clock.lap("render")
                let reused = state.memo?.reusedPaths ?? []
                let canaries = guardrail.canaries(site: site, for: audience)
                clock.lap("canaries")
                state.canaries = canaries
                state.files = Publisher.contents(files)
                // Files with the bytes scanned last time (reused pages, unchanged assets and
                // downloads) were scanned then; scan them again only if what counts as a
                // leak changed since.
                let toScan: [OutputFile]
                if let last, canaries == last.canaries {
                    toScan = files.filter { !reused.contains($0.path) && !Publisher.same(last.files[$0.path], $0.bytes) }
                } else {
                    toScan = files
                }
                let leaks = guardrail.check(toScan, site: site, canaries: canaries)
                clock.lap("scan \(toScan.count) files")
                if !leaks.isEmpty { throw DiagnosticList(leaks) }
                return RenderedSite(folder: site.folder, files: files, unchanged: last == nil ? [] : reused, state: state)
            })
        }
        var changed: [RenderedSite] = []
        var unchanged: [String] = []
        var problems: [Diagnostic] = []
        for (i, result) in results.values.enumerated() {
            switch result {
            case .success(let site?): changed.append(site)
            case .success(nil): unchanged.append(SiteProjection.folder(for: audiences[i]))
            case .failure(let list as DiagnosticList): problems += list.diagnostics
            case .failure(let d as Diagnostic): problems.append(d)
            case .failure(let error): problems.append(.error("\(error)"))
            case nil: problems.append(.error("internal: a site was not rendered"))
            }
        }
        if !problems.isEmpty { throw DiagnosticList(problems) }
        return (changed, unchanged)
    }

    private func audiences(for workspace: Workspace, request: BuildRequest) throws -> [Audience] {
        if request.kind == .preview { return [.team] }
        guard workspace.settings.multipartner else {
            if !request.partners.isEmpty {
                throw UsageError("--partner needs multipartner mode: this workspace publishes one shared site")
            }
            return [.allPartners]
        }
        let slugs = workspace.partners.map(\.slug)
        for wanted in request.partners where !slugs.contains(wanted) {
            throw UsageError("--partner \(wanted): there is no partners/\(wanted).yaml")
        }
        let chosen = request.partners.isEmpty ? slugs : slugs.filter { request.partners.contains($0) }
        return chosen.map { .partner($0) }
    }

    private func writeLockIfNeeded(_ workspace: Workspace, at root: URL) throws {
        guard workspace.settings.multipartner, workspace.lock == nil else { return }
        let lock = LockFile(enabledOn: LockFile.today())
        try lock.text.write(to: root.appendingPathComponent(LockFile.fileName), atomically: true, encoding: .utf8)
    }
}

/// A fixed-size array filled from concurrent iterations.
final class ConcurrentResults<T>: @unchecked Sendable {
    private var storage: [T?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ value: T) {
        lock.lock()
        storage[i] = value
        lock.unlock()
    }

    var values: [T?] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// A mistake in how the command was called (exit 64), as opposed to bad input (exit 1).
public struct UsageError: Error, CustomStringConvertible {
    public var description: String
    public init(_ message: String) { description = message }
}
