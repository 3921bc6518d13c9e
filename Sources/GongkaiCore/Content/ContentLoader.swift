import Foundation

/// The first stage: finds the record files and reads `site.yml`.
public struct ContentLoader: Sendable {
    public let project: Project
    /// The root's file system path, without a trailing `/`; worked out once, as `URL.path`
    /// decodes the URL on every call.
    private let rootPath: String

    public init(project: Project) {
        self.project = project
        let path = project.root.path
        rootPath = path.hasSuffix("/") ? String(path.dropLast()) : path
    }

    /// The record files under `Content/records/`, sorted by name, as paths relative to the
    /// project (what messages print, and `file(_:)` turns into a path to open).
    public func recordFiles() throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: project.records.path, isDirectory: &isDirectory), isDirectory.boolValue,
              let listing = opendir(project.records.path) else {
            throw Diagnostic(path: project.relativePath(project.records), message: "no records folder: put policy records in Content/records/*.md")
        }
        defer { closedir(listing) }
        let folder = project.relativePath(project.records)
        return folderNames(listing).filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }.map { folder + "/" + $0 }
    }

    /// The file system path of a file given relative to the project.
    func file(_ path: String) -> String { rootPath + "/" + path }

    /// `Content/site.yml`, or the defaults when there is none.
    public func siteConfig() throws -> SiteConfig {
        guard FileManager.default.fileExists(atPath: project.siteFile.path) else { return SiteConfig() }
        let file = try SourceFile.read(project.siteFile, as: project.relativePath(project.siteFile))
        return try SiteConfig.decode(file.text, path: file.path)
    }

    /// Reads and decodes every record on all cores; all problems are reported together.
    public func records() throws -> [Record] {
        try Self.collect(try recordFiles().parallelMap { decodeRecord(path: $0) })
    }

    /// Reads and decodes one record file; a problem comes back as a value, so a parallel
    /// pass can report every broken file at once.
    func decodeRecord(path: String) -> Result<Record, Diagnostic> {
        do {
            let bytes = try SourceFile.bytes(atPath: file(path), as: path)
            return .success(try RecordDecoder().decode(utf8: bytes, path: path))
        } catch let diagnostic as Diagnostic {
            return .failure(diagnostic)
        } catch {
            return .failure(Diagnostic(path: path, message: "\(error)"))
        }
    }

    /// The values, or all the problems together.
    static func collect<T>(_ results: [Result<T, Diagnostic>]) throws -> [T] {
        let failures = results.compactMap { if case let .failure(diagnostic) = $0 { diagnostic } else { nil } }
        guard failures.isEmpty else { throw DiagnosticList(failures) }
        return results.compactMap { try? $0.get() }
    }

    /// The Markdown body of a record as UTF-8, read again from its file at render time. The
    /// file was checked when it was parsed, so its bytes go to cmark-gfm as they are.
    public func body(of record: Record) throws -> ArraySlice<UInt8> {
        let bytes = try SourceFile.bytes(atPath: file(record.path), as: record.path)
        if let ranges = bytes.withUnsafeBufferPointer(FrontMatter.ranges) { return bytes[ranges.body...] }
        return ArraySlice(try FrontMatter.split(SourceFile.read(atPath: file(record.path), as: record.path).text,
                                                path: record.path).body.utf8)
    }
}

extension ContentLoader {
    /// `Content/indicators.yml`, or an empty catalogue.
    public func catalogue() throws -> IndicatorCatalogue {
        let url = project.content.appendingPathComponent("indicators.yml")
        guard FileManager.default.fileExists(atPath: url.path) else { return IndicatorCatalogue() }
        let file = try SourceFile.read(url, as: project.relativePath(url))
        return try IndicatorCatalogue.decode(file.text, path: file.path)
    }

    /// The CSV files under `Content/data/`, sorted by name.
    public func dataFiles() throws -> [URL] {
        let folder = project.content.appendingPathComponent("data", isDirectory: true)
        guard FileManager.default.fileExists(atPath: folder.path) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".csv") && !$0.hasPrefix(".") }.sorted()
            .map { folder.appendingPathComponent($0, isDirectory: false) }
    }

    /// Every reported value in `Content/data/*.csv`.
    public func reportedValues() throws -> [ReportedValue] {
        try dataFiles().flatMap { url in
            let file = try SourceFile.read(url, as: project.relativePath(url))
            return try ReportedValuesReader.read(file.text, path: file.path)
        }
    }
}

extension ContentLoader {
    /// Parses all of `Content/`: records (unless given, already parsed), the indicator
    /// catalogue and the reported values.
    public func content(config: SiteConfig, records: [Record]? = nil) throws -> SiteContent {
        let catalogueURL = project.content.appendingPathComponent("indicators.yml")
        let dataInputs = (FileManager.default.fileExists(atPath: catalogueURL.path) ? [catalogueURL] : [])
            .map(project.relativePath) + (try dataFiles()).map(project.relativePath)
        return SiteContent(config: config, records: try records ?? self.records(), catalogue: try catalogue(),
                           reportedValues: try reportedValues(), dataInputs: dataInputs)
    }
}
