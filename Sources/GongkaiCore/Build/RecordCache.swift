import Foundation

/// Parsed records kept between rebuilds of a long-running process (the preview server): a
/// record file is parsed again only when its size, modification time or inode changed, or
/// when a watcher reported it. Problems in several files are reported together, as in a full
/// parse.
public final class RecordCache: @unchecked Sendable {
    private struct Stamp: Equatable { var size: Int; var modified: Int; var inode: UInt }
    private let lock = NSLock()
    private var parsed: [String: (stamp: Stamp, record: Record)] = [:]

    public init() {}

    /// Forgets the given project-relative paths, so they are parsed again.
    public func invalidate(_ paths: some Sequence<String>) {
        lock.withLock { for path in paths { parsed[path] = nil } }
    }

    public func records(from loader: ContentLoader) throws -> [Record] {
        let project = loader.project
        let known = lock.withLock { parsed }
        let decoder = RecordDecoder()
        let results = try loader.recordFiles().parallelMap { url -> Result<(String, Stamp, Record), Diagnostic> in
            let path = project.relativePath(url)
            let stamp = Self.stamp(url)
            if let stamp, let cached = known[path], cached.stamp == stamp { return .success((path, stamp, cached.record)) }
            do {
                let file = try SourceFile.read(url, as: path)
                return .success((path, stamp ?? Stamp(size: -1, modified: 0, inode: 0), try decoder.decode(file.text, path: path)))
            } catch let diagnostic as Diagnostic {
                return .failure(diagnostic)
            } catch {
                return .failure(Diagnostic(path: path, message: "\(error)"))
            }
        }
        let failures = results.compactMap { if case let .failure(diagnostic) = $0 { diagnostic } else { nil } }
        guard failures.isEmpty else { throw DiagnosticList(failures) }
        let fresh = results.compactMap { try? $0.get() }
        lock.withLock {
            parsed = Dictionary(fresh.map { ($0.0, (stamp: $0.1, record: $0.2)) }, uniquingKeysWith: { $1 })
        }
        return fresh.map(\.2)
    }

    private static func stamp(_ url: URL) -> Stamp? {
        var info = stat()
        guard stat(url.path, &info) == 0 else { return nil }
        return Stamp(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                     inode: UInt(info.st_ino))
    }
}
