import Foundation
import GongkaiCore

/// The site the server shows: the files of the last good build, and the problems of the last
/// build when it failed. A failed build never replaces the files, so the last good site
/// stays served under the error overlay.
final class LiveSite: @unchecked Sendable {
    enum Files: Sendable {
        /// A snapshot of the in-memory build; later builds do not change it.
        case memory([String: [UInt8]])
        /// A folder on disk (`serve --output DIR`).
        case folder(URL)
    }

    private let lock = NSLock()
    private var files: Files?
    private var problems: [Diagnostic] = []

    func succeeded(with files: Files) {
        lock.withLock {
            self.files = files
            problems = []
        }
    }

    func failed(with problems: [Diagnostic]) {
        lock.withLock { self.problems = problems }
    }

    /// The problems of the last build; empty when it succeeded.
    var errors: [Diagnostic] { lock.withLock { problems } }

    /// True once a build succeeded.
    var hasSite: Bool { lock.withLock { files != nil } }

    /// The bytes of the site file at `path` (already checked by `RequestPath`), or nil.
    func file(at path: String) -> [UInt8]? {
        switch lock.withLock({ files }) {
        case nil: return nil
        case let .memory(files)?: return files[path]
        case let .folder(root)?: return Self.read(path, under: root)
        }
    }

    /// Reads a file of the output folder, refusing anything whose real path (symlinks
    /// resolved) is not inside the folder, and anything that is not a regular file.
    static func read(_ path: String, under root: URL) -> [UInt8]? {
        guard let base = realPath(root.path), let real = realPath(root.appendingPathComponent(path).path),
              real.hasPrefix(base.hasSuffix("/") ? base : base + "/") else { return nil }
        var info = stat()
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG,
              let data = FileManager.default.contents(atPath: real) else { return nil }
        return Array(data)
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
