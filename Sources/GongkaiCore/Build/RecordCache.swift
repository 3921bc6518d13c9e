import Foundation

/// Parsed records kept between rebuilds of a long-running process (the preview server).
///
/// The first build parses every record. After that it relies on being told what changed
/// (`invalidate`, fed by the file watcher): only those record files are read again, so a
/// rebuild after one edit does not even list the records folder. A changed path it cannot
/// place on one record file (a folder such as `Content/records` itself, or `*` for "anything
/// may have changed") makes the next build scan the folder again, re-reading only the files
/// whose size, modification time or inode changed. Problems in several files are reported
/// together, as in a full parse.
public final class RecordCache: @unchecked Sendable {
    private struct Stamp: Equatable { var size: Int; var modified: Int; var inode: UInt }
    private let lock = NSLock()
    /// Project-relative path → parsed record; nil until the first scan.
    private var parsed: [String: (stamp: Stamp, record: Record)]?
    /// The keys of `parsed`, sorted.
    private var order: [String] = []
    private var dirty: Set<String> = []
    private var rescan = true

    /// Where record files are, relative to the project.
    private static let folder = "Content/records/"

    public init() {}

    /// Notes changed project-relative paths, so the next build reads them again.
    public func invalidate(_ paths: some Sequence<String>) {
        lock.withLock {
            for path in paths {
                let name = path.dropFirst(Self.folder.count)
                if path.hasPrefix(Self.folder), name.hasSuffix(".md"), !name.hasPrefix("."), !name.contains("/") {
                    dirty.insert(path)
                } else if ["*", "Content", "Content/records"].contains(path) {
                    rescan = true
                }
            }
        }
    }

    /// The records, in file-name order, as `ContentLoader.records()` gives them.
    public func records(from loader: ContentLoader) throws -> [Record] {
        let (dirty, rescan) = lock.withLock { (self.dirty, self.rescan || parsed == nil) }
        if rescan {
            let next = try scan(loader, known: lock.withLock { parsed } ?? [:])
            lock.withLock {
                parsed = next
                order = next.keys.sorted()
                self.rescan = false
                self.dirty.subtract(dirty)
            }
        } else {
            // Parsed outside the lock; the dictionary is then changed in place, not copied.
            let fresh = try reread(dirty.sorted(), loader)
            lock.withLock {
                let before = parsed?.count
                for path in dirty { parsed?[path] = nil }
                for (path, entry) in fresh { parsed?[path] = entry }
                if parsed?.count != before || fresh.count != dirty.count { order = parsed?.keys.sorted() ?? [] }
                self.dirty.subtract(dirty)
            }
        }
        return lock.withLock { order.compactMap { parsed?[$0]?.record } }
    }

    /// Lists the folder and re-reads the files whose stamp changed.
    private func scan(_ loader: ContentLoader, known: [String: (stamp: Stamp, record: Record)]) throws -> [String: (stamp: Stamp, record: Record)] {
        let paths = try loader.recordFiles()
        let stamps = paths.parallelMap { Self.stamp(loader.file($0)) }
        var next: [String: (stamp: Stamp, record: Record)] = [:]
        var stale: [String] = []
        for (path, stamp) in zip(paths, stamps) {
            if let stamp, let cached = known[path], cached.stamp == stamp { next[path] = cached } else { stale.append(path) }
        }
        for (path, entry) in try reread(stale, loader) { next[path] = entry }
        return next
    }

    /// Parses the given record files that exist; all problems are thrown together.
    private func reread(_ paths: [String], _ loader: ContentLoader) throws -> [(String, (stamp: Stamp, record: Record))] {
        let results = paths.parallelMap { path -> Result<(String, (stamp: Stamp, record: Record))?, Diagnostic> in
            guard let stamp = Self.stamp(loader.file(path)) else { return .success(nil) }
            return loader.decodeRecord(path: path).map { (path, (stamp, $0)) }
        }
        return try ContentLoader.collect(results).compactMap { $0 }
    }

    private static func stamp(_ path: String) -> Stamp? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Stamp(size: Int(info.st_size), modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec),
                     inode: UInt(info.st_ino))
    }
}
