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
        report.stages.append(("load", clock.lap()))

        let records = try planner?.records(from: loader) ?? loader.records()
        let content = try loader.content(config: config, records: records)
        report.records = records.count
        report.stages.append(("parse", clock.lap()))

        let model = try planner?.reusableModel(config: config, records: records) ?? SiteModel(content)
        report.warnings = model.warnings
        report.stages.append(("model", clock.lap()))

        let renderer = PageRenderer(model: model, templates: templates, body: { try loader.body(of: $0) })
        let pages = try planner?.pagesToRender(model: model, templates: templates) ?? model.pages
        let total = pages.count
        let done = Counter()
        let progress = self.progress
        _ = try pages.parallelMap { page in
            try publisher.publish(try renderer.render(page), at: page.path)
            let count = done.increment()
            if count % 500 == 0 { progress?(count, total) }
        }
        for (path, data) in templates.assets.sorted(by: { $0.key < $1.key }) {
            try publisher.publish(Array(data), at: path)
            report.files += 1
        }
        report.pages = model.pages.count
        report.stages.append(("render+write", clock.lap()))
        return report
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
            report.stages.append(("swap", clock.lap()))
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
