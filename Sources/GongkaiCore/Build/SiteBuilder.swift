import Foundation

/// Runs the pipeline: load → parse → model → render → write, each stage timed.
public struct SiteBuilder: Sendable {
    public let project: Project
    /// Called now and then while pages are written: (pages done, pages in all).
    public var progress: (@Sendable (Int, Int) -> Void)?
    /// Steers an incremental build: which records to parse again, which pages to render.
    /// Nil renders everything.
    public var planner: BuildPlanner?

    public init(project: Project) { self.project = project }

    /// Builds the whole site into `publisher`.
    public func build(into publisher: Publisher) throws -> BuildReport {
        var report = BuildReport()
        var clock = Stopwatch()
        let loader = ContentLoader(project: project)
        let config = try loader.siteConfig()
        let templates = try TemplateSet.load(from: project.templates, project: project)
        report.uncompiledTemplate = templates.uncompiled
        report.endStage("load", &clock)

        let records = try planner?.records(from: loader) ?? loader.records()
        let content = try loader.content(config: config, records: records)
        report.records = records.count
        report.endStage("parse", &clock)

        let model = try planner?.reusableModel(config: config, records: records) ?? SiteModel(content)
        report.warnings = model.warnings
        report.endStage("model", &clock)

        let renderer = PageRenderer(model: model, templates: templates, body: { try loader.body(of: $0) })
        let pages = try planner?.pagesToRender(model: model, templates: templates) ?? model.pages
        let total = pages.count
        let order = Self.costliestFirst(pages)
        let done = progress.map { _ in Counter() }
        let progress = self.progress
        let writes = WriteQueue(publisher: publisher)
        // When every page renders, each indicator's own CSV and JSON files are made along with
        // the whole archive's tables, which hold the same rows.
        let companionPaths = pages.count == model.pages.count ? Self.companionPaths(pages) : [:]
        let perWorker = try forEachInParallel(count: total, state: { RenderMetrics(workers: 1) }) { metrics, index in
            let page = pages[order[index]]
            let start = Stopwatch.now()
            if case let .download(download) = page.kind {
                // Written as it is made, so its writing counts as rendering. An indicator's own
                // file is skipped when the archive's table makes it.
                if companionPaths[download] == nil {
                    try publisher.publish(at: page.path) { blocks in
                        if companionPaths.isEmpty {
                            try renderer.write(download, to: &blocks)
                        } else {
                            try renderer.write(download, to: &blocks) { try publisher.publish($1, at: companionPaths[$0]!) }
                        }
                    }
                }
                metrics.add(template: page.template, render: Stopwatch.now() - start, write: 0)
            } else {
                let html = try renderer.render(page)
                let rendered = Stopwatch.now()
                metrics.add(template: page.template, render: rendered - start, write: try writes.submit(html, at: page.path))
            }
            if let count = done?.increment(), count % 500 == 0 { progress?(count, total) }
        }
        report.render = perWorker.reduce(into: RenderMetrics()) { $0.merge($1) }
        report.render.writeSeconds += try writes.finish()
        for (path, data) in templates.assets.sorted(by: { $0.key < $1.key }) {
            try publisher.publish(Array(data), at: path)
            report.files += 1
        }
        report.pages = model.pages.count
        report.endStage("render+write", &clock)
        releaseInBackground((consume model, consume renderer, consume content, consume records, consume pages))
        return report
    }

    /// Each indicator's own CSV and JSON download, by what it is, with its path.
    private static func companionPaths(_ pages: [Page]) -> [Download: String] {
        var paths: [Download: String] = [:]
        for page in pages {
            guard case let .download(download) = page.kind else { continue }
            switch download {
            case .indicatorCSV, .indicatorJSON: paths[download] = page.path
            case .indicatorsCSV, .indicatorsJSON, .records: break
            }
        }
        return paths
    }

    /// Page indices with the few costly pages first (downloads, indicator pages: tens of
    /// milliseconds each against a fraction of one), so that no worker is left rendering one of
    /// them at the end while the other has nothing to do.
    private static func costliestFirst(_ pages: [Page]) -> [Int] {
        func isCostly(_ page: Page) -> Bool {
            switch page.kind {
            case .download, .indicator, .indicatorIndex: true
            default: false
            }
        }
        return pages.indices.filter { isCostly(pages[$0]) } + pages.indices.filter { !isCostly(pages[$0]) }
    }

    /// Builds into `output` through a staging folder, then swaps it in. On any error the
    /// previous output is left untouched.
    public func build(output: URL, force: Bool = false) throws -> BuildReport {
        try OutputGuard.check(output: output, project: project, force: force)
        let staged = try StagedOutput(output: output)
        do {
            var report = try build(into: FolderPublisher(folder: staged.staging))
            var clock = Stopwatch()
            try staged.commit()
            report.endStage("swap", &clock)
            return report
        } catch {
            staged.discard()
            throw error
        }
    }
}

/// A thread-safe count, for progress.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    func increment() -> Int { lock.withLock { value += 1; return value } }
}
