import Foundation

/// The one place every output file goes through: it counts what was written and where, so
/// builds, previews and tests see the same site whether it lands on disk or in memory.
public protocol Publisher: Sendable {
    /// Writes `bytes` at `path`, relative to the site root (`records/a.html`).
    func publish(_ bytes: [UInt8], at path: String) throws
}

extension Publisher {
    public func publish(_ text: String, at path: String) throws { try publish(Array(text.utf8), at: path) }
}

/// Writes into a folder, creating subfolders as needed.
///
/// Uses POSIX `open`/`write` rather than `FileManager.createFile`, which writes a temporary file
/// and renames it (two inodes per page) and cost a tenth of a build. The folder is a fresh
/// staging folder, so a plain write is safe. A missing parent folder is only noticed when
/// `open` fails, so the hot path takes no lock.
public final class FolderPublisher: Publisher, @unchecked Sendable {
    public let folder: URL
    private let root: String

    public init(folder: URL) {
        self.folder = folder
        root = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
    }

    public func publish(_ bytes: [UInt8], at path: String) throws {
        let target = root + path
        var descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == ENOENT {
            let parent = (target as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            descriptor = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw failure(path, target) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else { throw failure(path, target) }
            written += result
        }
    }

    private func failure(_ path: String, _ target: String) -> Diagnostic {
        Diagnostic(path: path, message: "cannot write output file \(target): \(String(cString: strerror(errno)))")
    }
}

/// Keeps the site in memory: for the preview server and for tests.
public final class MemoryPublisher: Publisher, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [String: [UInt8]] = [:]

    public init() {}

    public func publish(_ bytes: [UInt8], at path: String) throws {
        lock.withLock { storage[path] = bytes }
    }

    public var files: [String: [UInt8]] { lock.withLock { storage } }

    /// The file at `path`, or nil.
    public func file(at path: String) -> [UInt8]? { lock.withLock { storage[path] } }

    /// Drops a file that a rebuild no longer produces.
    public func remove(at path: String) { lock.withLock { _ = storage.removeValue(forKey: path) } }
}
