import Foundation

/// Digests of everything a build reads, taken once per build before any page is rendered, so
/// each page's fingerprint is a few hash combinations and never a file read.
public struct BuildInputs: Sendable {
    /// `Content/site.yml` (its text; `absent` when there is none). Every page shows the site's
    /// title and footer, so it feeds every page.
    public var siteConfig: String
    /// Every template by name, in name order. Conservative on purpose: a template can pull in
    /// any other (layout, partials, and names chosen at run time), so an edit to any template
    /// re-renders every page.
    public var templates: String
    /// Every file under `Content/` outside `records/` (`indicators.yml`, `data/*.csv`, …), by
    /// project-relative path → hash of its bytes. `Page.dataInputs` are looked up here.
    public var dataFiles: [String: String]
    /// All of the above plus every record's path and file hash: the fingerprint of pages whose
    /// inputs are not known (see `PageFingerprinter`).
    public var everything: String

    public init(project: Project, templates: TemplateSet, records: [Record], dataFiles: [String: String]? = nil) throws {
        let fm = FileManager.default
        if let data = fm.contents(atPath: project.siteFile.path) {
            siteConfig = Self.hash(data)
        } else {
            siteConfig = "absent"
        }
        var templateHash = StableHash()
        for (name, fingerprint) in templates.fingerprints.sorted(by: { $0.key < $1.key }) {
            templateHash.combine(name)
            templateHash.combine(fingerprint)
        }
        self.templates = templateHash.hex
        self.dataFiles = dataFiles ?? Self.dataFiles(project: project)

        var all = StableHash()
        all.combine(siteConfig)
        all.combine(self.templates)
        for (path, hash) in self.dataFiles.sorted(by: { $0.key < $1.key }) {
            all.combine(path)
            all.combine(hash)
        }
        for (path, fingerprint) in records.map({ ($0.path, $0.fingerprint) }).sorted(byUTF8: \.0) {
            all.combine(path)
            all.combine(fingerprint)
        }
        everything = all.hex
    }

    /// Every file under `Content/` outside `records/` (and other than `site.yml`), by path → hash.
    static func dataFiles(project: Project) -> [String: String] {
        var files: [String: String] = [:]
        let records = project.records.standardizedFileURL.path + "/"
        let site = project.siteFile.standardizedFileURL.path
        guard let enumerator = FileManager.default.enumerator(at: project.content, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return files
        }
        for case let url as URL in enumerator {
            let path = url.standardizedFileURL.path
            if path + "/" == records { enumerator.skipDescendants() }
            guard !path.hasPrefix(records), path != site,
                  (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true,
                  let data = FileManager.default.contents(atPath: path) else { continue }
            files[project.relativePath(url)] = hash(data)
        }
        return files
    }

    static func hash(_ data: Data) -> String { data.withUnsafeBytes(ContentHash.hex(of:)) }
}
