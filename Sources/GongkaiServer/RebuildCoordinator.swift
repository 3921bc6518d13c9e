import Foundation
import GongkaiCore

/// Runs one rebuild at a time: invalidates the records that changed, builds incrementally
/// (into memory, or into the `--output` folder), then publishes the new site to `LiveSite`
/// and tells open pages to reload. A failed build keeps the last good site and shows its
/// problems.
actor RebuildCoordinator {
    /// One line of what happened, for the terminal.
    typealias Log = @Sendable (String) -> Void

    private let builder: IncrementalBuilder
    private let output: URL?
    private let site: LiveSite
    private let channel: ReloadChannel
    private let log: Log
    private var records = RecordCache()
    private let models = ModelCache()
    private let memory = MemoryPublisher()
    private var cache: BuildCache?
    private var builds = 0

    init(project: Project, output: URL?, site: LiveSite, channel: ReloadChannel, log: @escaping Log) {
        builder = IncrementalBuilder(project: project)
        self.output = output
        self.site = site
        self.channel = channel
        self.log = log
    }

    /// Rebuilds after `changed` (project-relative paths; `FileWatcher.everything` for all).
    func rebuild(changed: Set<String>) async {
        if changed.contains(FileWatcher.everything) { records = RecordCache() } else { records.invalidate(changed) }
        let builder = self.builder, output = self.output, memory = self.memory, records = self.records, models = self.models
        let previous = self.cache
        let started = DispatchTime.now().uptimeNanoseconds
        // Builds block and use every core: run them off the cooperative pool.
        let result = await withCheckedContinuation { (continuation: CheckedContinuation<Result<IncrementalBuilder.Outcome, Error>, Never>) in
            DispatchQueue.global().async {
                continuation.resume(returning: Result {
                    if let output {
                        return try builder.build(output: output, records: records, models: models)
                    }
                    return try builder.build(into: memory, previous: previous, records: records, models: models)
                })
            }
        }
        let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e6
        builds += 1
        let hadErrors = !site.errors.isEmpty
        switch result {
        case let .success(outcome):
            cache = outcome.cache
            site.succeeded(with: output.map { .folder($0) } ?? .memory(memory.files))
            log(String(format: "gongkai: %@: %d rendered, %d written, %d removed in %.0f ms",
                       outcome.incremental ? "rebuilt" : "built", outcome.rendered, outcome.written, outcome.removed, milliseconds)
                + " [" + outcome.report.stages.map { String(format: "%@ %.0f", $0.name, $0.seconds * 1000) }.joined(separator: ", ") + "]")
            if !outcome.changed.isEmpty || hadErrors { channel.send("reload", data: String(builds)) }
        case let .failure(error):
            let problems = Self.diagnostics(error)
            site.failed(with: problems)
            for problem in problems { log(problem.description) }
            log("gongkai: build failed; still serving the last good site")
            channel.send("reload", data: String(builds))
        }
    }

    static func diagnostics(_ error: Error) -> [Diagnostic] {
        switch error {
        case let diagnostic as Diagnostic: return [diagnostic]
        case let list as DiagnosticList: return list.diagnostics
        default: return [Diagnostic(path: "gongkai", message: "\(error)")]
        }
    }
}
