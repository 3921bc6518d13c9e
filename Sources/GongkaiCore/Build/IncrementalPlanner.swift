import Foundation

/// Decides what an incremental build renders: every page whose fingerprint differs from the
/// previous build's, is new, or (on disk) whose file is missing or was changed by hand.
final class IncrementalPlanner: BuildPlanner, @unchecked Sendable {
    let project: Project
    let previous: BuildCache
    /// The output folder, when the site is on disk: files are checked against their stamps.
    let folder: URL?
    let recordCache: RecordCache?
    let modelCache: ModelCache?
    /// Called once, before the first write, when the build will change anything.
    let beforeWrites: () throws -> Void

    private let lock = NSLock()
    private(set) var fingerprints: [String: String] = [:]
    private(set) var rendered: [Page] = []
    /// Every path this build produces: pages and assets.
    private(set) var outputs: Set<String> = []
    /// True once `beforeWrites` ran.
    private(set) var changesOutput = false

    /// The data files as read for this build, and whether the model was reused.
    private var dataFiles: [String: String]?
    private var reusedModel = false

    init(project: Project, previous: BuildCache, folder: URL?, recordCache: RecordCache?, modelCache: ModelCache?,
         beforeWrites: @escaping () throws -> Void) {
        self.project = project
        self.previous = previous
        self.folder = folder
        self.recordCache = recordCache
        self.modelCache = modelCache
        self.beforeWrites = beforeWrites
    }

    func records(from loader: ContentLoader) throws -> [Record] {
        try recordCache?.records(from: loader) ?? loader.records()
    }

    func reusableModel(config: SiteConfig, records: [Record]) throws -> SiteModel? {
        guard let modelCache else { return nil }
        let dataFiles = BuildInputs.dataFiles(project: project)
        let model = modelCache.reusable(config: config, records: records, dataFiles: dataFiles)
        lock.withLock {
            self.dataFiles = dataFiles
            reusedModel = model != nil
        }
        return model
    }

    func pagesToRender(model: SiteModel, templates: TemplateSet) throws -> [Page] {
        let (dataFiles, reused) = lock.withLock { (self.dataFiles, reusedModel) }
        let inputs = try BuildInputs(project: project, templates: templates, records: model.records, dataFiles: dataFiles)
        modelCache?.store(model, dataFiles: inputs.dataFiles, reused: reused)
        let fingerprinter = PageFingerprinter(model: model, inputs: inputs)
        let previous = self.previous
        let folder = self.folder
        let decisions = model.pages.parallelMap { page -> (String, Bool) in
            let fingerprint = fingerprinter.fingerprint(of: page)
            guard let entry = previous.entries[page.path], entry.fingerprint == fingerprint else { return (fingerprint, true) }
            return (fingerprint, !Self.isIntact(page.path, entry, in: folder))
        }
        var fingerprints: [String: String] = [:]
        fingerprints.reserveCapacity(model.pages.count)
        var rendered: [Page] = []
        for (page, decision) in zip(model.pages, decisions) {
            fingerprints[page.path] = decision.0
            if decision.1 { rendered.append(page) }
        }
        var outputs = Set(fingerprints.keys)
        outputs.formUnion(templates.assets.keys)
        let assetsChanged = templates.assets.contains { path, data in
            guard let entry = previous.entries[path] else { return true }
            return entry.outputHash != BuildInputs.hash(data) || !Self.isIntact(path, entry, in: folder)
        }
        if !rendered.isEmpty || assetsChanged || previous.entries.keys.contains(where: { !outputs.contains($0) }) {
            try beforeWrites()
            lock.withLock { changesOutput = true }
        }
        lock.withLock {
            self.fingerprints = fingerprints
            self.rendered = rendered
            self.outputs = outputs
        }
        return rendered
    }

    /// True when the file on disk is the one the cache describes (always, in memory).
    static func isIntact(_ path: String, _ entry: BuildCache.Entry, in folder: URL?) -> Bool {
        guard let folder else { return true }
        guard let stamp = AtomicFile.stamp(folder.appendingPathComponent(path, isDirectory: false)) else { return false }
        return stamp.size == entry.size && stamp.modified == entry.modified
    }
}
