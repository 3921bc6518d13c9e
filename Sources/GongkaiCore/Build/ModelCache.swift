import Foundation

/// The last build's site model, kept by a long-running process (the preview server) so that
/// a rebuild after body-only edits skips building the model again.
///
/// The model is reused only when nothing it is made from changed: the same `site.yml`
/// settings, the same data files (`indicators.yml`, `data/`: any file under `Content/` outside
/// `records/`), the same record files, and every edited record equal to its previous version
/// in all but its file hash (its body changed, not its metadata). Then only the records'
/// fingerprints are brought up to date. Anything else builds a new model.
public final class ModelCache: @unchecked Sendable {
    private let lock = NSLock()
    private struct Entry {
        var model: SiteModel
        var dataFiles: [String: String]
        /// Record path → index in `model.records`.
        var indexByPath: [String: Int]
    }

    private var last: Entry?

    public init() {}

    /// The previous model updated for `records`, or nil when a new one must be built.
    func reusable(config: SiteConfig, records: [Record], dataFiles: [String: String]) -> SiteModel? {
        guard let last = lock.withLock({ self.last }), last.model.config == config, last.dataFiles == dataFiles,
              records.count == last.model.records.count else { return nil }
        var model = last.model
        for record in records {
            guard let index = last.indexByPath[record.path] else { return nil }
            if model.records[index].fingerprint == record.fingerprint { continue }
            var metadata = record
            metadata.fingerprint = model.records[index].fingerprint
            guard metadata == model.records[index] else { return nil }
            model.records[index].fingerprint = record.fingerprint
        }
        return model
    }

    /// Keeps `model` for the next build.
    func store(_ model: SiteModel, dataFiles: [String: String], reused: Bool) {
        var indexByPath = reused ? lock.withLock { last?.indexByPath } ?? [:] : [:]
        if !reused {
            for (index, record) in model.records.enumerated() { indexByPath[record.path] = index }
        }
        lock.withLock { last = Entry(model: model, dataFiles: dataFiles, indexByPath: indexByPath) }
    }
}
