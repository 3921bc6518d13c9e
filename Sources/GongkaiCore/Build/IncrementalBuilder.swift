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
        /// True when no source changed since the last build, so nothing was even parsed.
        public var upToDate = false
        /// Pages rendered, files whose bytes changed and were written, files deleted.
        public var rendered: Int
        public var written: Int
        public var removed: Int
        /// Output paths that changed (written or removed), sorted.
        public var changed: [String] { changedPaths.sortedByUTF8() }
        /// The same, unsorted: sorted only when read, as a full build changes every path and
        /// a command-line build never reads them.
        var changedPaths: [String]
        /// The state to start the next build from.
        public var cache: BuildCache
    }

    /// Builds into `output`: incrementally when it holds a cache of this version, else (or
    /// with `clean`) a full build staged beside it and swapped in. `records` keeps parsed
    /// records between builds of a long-running process.
    public func build(output: URL, force: Bool = false, clean: Bool = false, records: RecordCache? = nil,
                      models: ModelCache? = nil) throws -> Outcome {
        try OutputGuard.check(output: output, project: project, force: force)
        var clock = Stopwatch()
        let inputs = InputStamp.digest(of: project)
        let marker = output.appendingPathComponent(OutputGuard.marker).path
        guard !clean, FileManager.default.fileExists(atPath: marker), let previous = BuildCache.load(from: output) else {
            return try fullBuild(output: output, inputs: inputs)
        }
        if previous.inputs == inputs, previous.entries.allSatisfy({ IncrementalPlanner.isIntact($0.key, $0.value, in: output) }) {
            var report = BuildReport()
            report.pages = previous.entries.values.filter { $0.fingerprint != "asset" }.count
            report.stages.append(("check", clock.lap()))
            return Outcome(report: report, incremental: true, upToDate: true, rendered: 0, written: 0, removed: 0, changedPaths: [],
                           cache: previous)
        }
        return try build(target: .folder(output), previous: previous, recordCache: records, modelCache: models,
                         beforeWrites: { try BuildCache.remove(from: output) }, incremental: true) { cache in
            var cache = cache
            cache.inputs = inputs
            try cache.save(to: output)
        }
    }

    /// Builds into memory, starting from `previous` (nil: render everything). `records` and
    /// `models` keep parsed records and the site model between builds.
    public func build(into memory: MemoryPublisher, previous: BuildCache?, records: RecordCache?,
                      models: ModelCache? = nil) throws -> Outcome {
        try build(target: .memory(memory), previous: previous ?? BuildCache(), recordCache: records, modelCache: models,
                  beforeWrites: {}, incremental: previous != nil) { _ in }
    }

    private func fullBuild(output: URL, inputs: String) throws -> Outcome {
        let staged = try StagedOutput(output: output)
        do {
            var outcome = try build(target: .stagingFolder(staged.staging), previous: BuildCache(), recordCache: nil, modelCache: nil,
                                    beforeWrites: {}, incremental: false) { cache in
                var cache = cache
                cache.inputs = inputs
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

    private func build(target: CachingPublisher.Target, previous: BuildCache, recordCache: RecordCache?, modelCache: ModelCache?,
                       beforeWrites: @escaping () throws -> Void, incremental: Bool,
                       save: (BuildCache) throws -> Void) throws -> Outcome {
        let planner = IncrementalPlanner(project: project, previous: previous, folder: target.folder, recordCache: recordCache,
                                         modelCache: modelCache, beforeWrites: beforeWrites)
        let publisher = CachingPublisher(target: target, previous: previous)
        var builder = SiteBuilder(project: project)
        builder.progress = progress
        builder.planner = planner
        let report = try builder.build(into: publisher)
        var clock = Stopwatch()

        // Unrendered pages keep their entries; rendered pages and assets take new ones.
        var cache = previous
        cache.entries.reserveCapacity(publisher.published.count)
        var changed: [String] = []
        var changesCache = planner.changesOutput
        for (path, published) in publisher.published {
            var entry = published
            entry.fingerprint = planner.fingerprints[path] ?? "asset"
            if previous.entries[path]?.outputHash != entry.outputHash { changed.append(path) }
            if previous.entries[path] != entry {
                cache.entries[path] = entry
                changesCache = true
            }
        }
        let removed = previous.entries.keys.filter { !planner.outputs.contains($0) }.sorted()
        for path in removed {
            try publisher.remove(path)
            cache.entries[path] = nil
        }
        changed += removed
        if changesCache || !removed.isEmpty || target.folder != nil { try save(cache) }
        var outcome = Outcome(report: report, incremental: incremental, upToDate: false, rendered: planner.rendered.count,
                              written: publisher.written, removed: removed.count, changedPaths: changed, cache: cache)
        // Their tables hold an entry for each page (see `releaseInBackground`).
        releaseInBackground((consume planner, consume publisher))
        outcome.report.stages.append(("cache", clock.lap()))
        return outcome
    }
}
