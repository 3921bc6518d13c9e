import Foundation

/// The first stage: finds the record files and reads `site.yml`.
public struct ContentLoader: Sendable {
    public let project: Project

    public init(project: Project) { self.project = project }

    /// The record files under `Content/records/`, sorted by name.
    public func recordFiles() throws -> [URL] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: project.records.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Diagnostic(path: project.relativePath(project.records), message: "no records folder: put policy records in Content/records/*.md")
        }
        return try fm.contentsOfDirectory(atPath: project.records.path)
            .filter { $0.hasSuffix(".md") && !$0.hasPrefix(".") }
            .sorted()
            .map { project.records.appendingPathComponent($0) }
    }

    /// `Content/site.yml`, or the defaults when there is none.
    public func siteConfig() throws -> SiteConfig {
        guard FileManager.default.fileExists(atPath: project.siteFile.path) else { return SiteConfig() }
        let file = try SourceFile.read(project.siteFile, as: project.relativePath(project.siteFile))
        return try SiteConfig.decode(file.text, path: file.path)
    }

    /// Reads and decodes every record on all cores; all problems are reported together.
    public func records() throws -> [Record] {
        let decoder = RecordDecoder()
        let results = try recordFiles().parallelMap { url -> Result<Record, Diagnostic> in
            let path = project.relativePath(url)
            do {
                let file = try SourceFile.read(url, as: path)
                return .success(try decoder.decode(file.text, path: path))
            } catch let diagnostic as Diagnostic {
                return .failure(diagnostic)
            } catch {
                return .failure(Diagnostic(path: path, message: "\(error)"))
            }
        }
        let failures = results.compactMap { if case let .failure(d) = $0 { d } else { nil } }
        guard failures.isEmpty else { throw DiagnosticList(failures) }
        return results.compactMap { try? $0.get() }
    }

    /// The Markdown body of a record, read again from its file at render time.
    public func body(of record: Record) throws -> String {
        let file = try SourceFile.read(project.root.appendingPathComponent(record.path), as: record.path)
        return try FrontMatter.split(file.text, path: record.path).body
    }
}
