import Foundation

/// Builds a site doing only the work a change needs: it fingerprints every planned page (see
/// `PageFingerprinter`), renders the pages whose fingerprint changed, writes the files whose
/// bytes changed and deletes the files the site no longer has. The result is byte for byte a
/// clean build's.
///
/// On disk every parse and check runs before the first write (as in a full build), each file
/// is replaced with `rename(2)`, and the cache is removed before the first write and saved
/// after the last: a build that stops half-way leaves each file old or new, and the next build
/// is a full one.
public struct IncrementalBuilder: Sendable {
    public let project: Project
    /// Called now and then while pages are written: (pages done, pages to render).
    public var progress: (@Sendable (Int, Int) -> Void)?

    public init(project: Project) { self.project = project }

    /// What an incremental build did.
    public struct Outcome: Sendable {
        public var report: BuildReport
        /// False when there was no usable cache and everything was built.
        public var incremental: Bool
        /// Pages rendered, files whose bytes changed and were written, files deleted.
        public var rendered: Int
        public var written: Int
        public var removed: Int
        /// Output paths that changed (written or removed), sorted.
        public var changed: [String]
        /// The state to start the next build from.
        public var cache: BuildCache
    }

    /// Builds into `output`: incrementally when it holds a cache of this version, else (or
    /// with `clean`) a full build staged beside it and swapped in. `records` keeps parsed
    /// records between builds of a long-running process.
    public func build(output: URL, force: Bool = false, clean: Bool = false, records: RecordCache? = nil) throws -> Outcome {
        try OutputGuard.check(output: output, project: project, force: force)
        let marker = output.appendingPathComponent(OutputGuard.marker).path
        guard !clean, FileManager.default.fileExists(atPath: marker), let previous = BuildCache.load(from: output) else {
            return try fullBuild(output: output)
        }
        return try build(target: .folder(output), previous: previous, recordCache: records,
                         beforeWrites: { try BuildCache.remove(from: output) }, incremental: true) { cache in
            try cache.save(to: output)
        }
    }

    /// Builds into memory, starting from `previous` (nil: render everything). `records` keeps
    /// parsed records between builds.
    public func build(into memory: MemoryPublisher, previous: BuildCache?, records: RecordCache?) throws -> Outcome {
        try build(target: .memory(memory), previous: previous ?? BuildCache(), recordCache: records,
                  beforeWrites: {}, incremental: previous != nil) { _ in }
    }

    private func fullBuild(output: URL) throws -> Outcome {
        let staged = try StagedOutput(output: output)
        do {
            var outcome = try build(target: .folder(staged.staging), previous: BuildCache(), recordCache: nil,
                                    beforeWrites: {}, incremental: false) { cache in
                try cache.save(to: staged.staging)
            }
            var clock = Stopwatch()
            try staged.commit()
            outcome.report.stages.append(("swap", clock.lap()))
            return outcome
        } catch {
            staged.discard()
            throw error
        }
    }

    private func build(target: CachingPublisher.Target, previous: BuildCache, recordCache: RecordCache?,
                       beforeWrites: @escaping () throws -> Void, incremental: Bool,
                       save: (BuildCache) throws -> Void) throws -> Outcome {
        var folder: URL?
        if case let .folder(url) = target { folder = url }
        let planner = IncrementalPlanner(project: project, previous: previous, folder: folder, recordCache: recordCache,
                                         beforeWrites: beforeWrites)
        let publisher = CachingPublisher(target: target, previous: previous)
        var builder = SiteBuilder(project: project)
        builder.progress = progress
        builder.planner = planner
        var report = try builder.build(into: publisher)
        var clock = Stopwatch()

        var cache = BuildCache()
        cache.entries.reserveCapacity(planner.outputs.count)
        let published = publisher.published
        for path in planner.outputs {
            if var entry = published[path] {
                entry.fingerprint = planner.fingerprints[path] ?? "asset"
                cache.entries[path] = entry
            } else if let entry = previous.entries[path] {
                cache.entries[path] = entry
            }
        }
        var changed = published.keys.filter { previous.entries[$0]?.outputHash != published[$0]?.outputHash }
        let removed = previous.entries.keys.filter { !planner.outputs.contains($0) }.sorted()
        for path in removed { try publisher.remove(path) }
        changed += removed
        if cache != previous || planner.changesOutput { try save(cache) }
        report.stages.append(("cache", clock.lap()))
        return Outcome(report: report, incremental: incremental, rendered: planner.rendered.count,
                       written: publisher.written, removed: removed.count, changed: changed.sorted(), cache: cache)
    }
}
