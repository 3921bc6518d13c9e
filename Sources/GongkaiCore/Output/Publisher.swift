import Foundation

/// The one place every output file goes through: it counts what was written and where, so
/// builds, previews and tests see the same site whether it lands on disk or in memory.
public protocol Publisher: Sendable {
    /// Writes `bytes` at `path`, relative to the site root (`records/a.html`).
    func publish(_ bytes: [UInt8], at path: String) throws
    /// Writes at `path` the bytes `write` makes, block by block (see `OutputBlocks`).
    func publish(at path: String, blocks write: (inout OutputBlocks) throws -> Void) throws
    /// `publish(_:at:)` for bytes whose `ContentHash` (in hex) the caller has already worked
    /// out, on a thread that is not the one writing (see `WriteQueue`).
    func publish(_ bytes: [UInt8], hash: String, at path: String) throws
    /// Whether publishing creates files, so that two threads doing it at once contend in the
    /// kernel (see `WriteQueue`).
    var createsFiles: Bool { get }
}

extension Publisher {
    public var createsFiles: Bool { true }

    /// By default the hash is not needed.
    public func publish(_ bytes: [UInt8], hash: String, at path: String) throws { try publish(bytes, at: path) }

    public func publish(_ text: String, at path: String) throws { try publish(Array(text.utf8), at: path) }

    /// By default the blocks are gathered and published whole.
    public func publish(at path: String, blocks write: (inout OutputBlocks) throws -> Void) throws {
        try publish(OutputBlocks.collect(write), at: path)
    }
}

/// Writes into a fresh staging folder, creating subfolders as needed (see `AtomicFile`).
public final class FolderPublisher: Publisher, @unchecked Sendable {
    public let folder: URL
    private let root: String

    public init(folder: URL) {
        self.folder = folder
        root = folder.path.hasSuffix("/") ? folder.path : folder.path + "/"
    }

    public func publish(_ bytes: [UInt8], at path: String) throws {
        _ = try AtomicFile.write(bytes, toPath: root + path, replacing: false)
    }
}

/// Keeps the site in memory: for the preview server and for tests.
public final class MemoryPublisher: Publisher, @unchecked Sendable {
    public var createsFiles: Bool { false }
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
