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
public final class FolderPublisher: Publisher, @unchecked Sendable {
    public let folder: URL
    private let lock = NSLock()
    private var createdFolders: Set<String> = []

    public init(folder: URL) { self.folder = folder }

    public func publish(_ bytes: [UInt8], at path: String) throws {
        let url = folder.appendingPathComponent(path)
        let parent = url.deletingLastPathComponent().path
        if !folderExists(parent) {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            lock.withLock { _ = createdFolders.insert(parent) }
        }
        let ok = bytes.withUnsafeBytes { buffer in
            FileManager.default.createFile(atPath: url.path, contents: Data(buffer))
        }
        if !ok { throw Diagnostic(path: path, message: "cannot write output file \(url.path)") }
    }

    private func folderExists(_ path: String) -> Bool {
        lock.withLock { createdFolders.contains(path) }
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
}
