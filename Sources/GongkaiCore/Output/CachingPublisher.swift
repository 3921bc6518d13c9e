import Foundation

/// Publishes into a folder or into memory, skipping files whose bytes are the same as the
/// previous build's, and records what it wrote for the build cache.
final class CachingPublisher: Publisher, @unchecked Sendable {
    enum Target: Sendable {
        /// The live output: each file replaced atomically.
        case folder(URL)
        /// A fresh staging folder, swapped in after the build: plain writes.
        case stagingFolder(URL)
        case memory(MemoryPublisher)

        var folder: URL? {
            switch self {
            case let .folder(url), let .stagingFolder(url): url
            case .memory: nil
            }
        }
    }

    let target: Target
    /// The folder's path, worked out once: `URL.path` decodes the URL on every call.
    private let folderPath: String?
    private let previous: BuildCache
    private let lock = NSLock()
    /// Output path → (hash of its bytes, stamp after writing).
    private(set) var published: [String: BuildCache.Entry] = [:]
    private(set) var written = 0

    var createsFiles: Bool { target.folder != nil }

    init(target: Target, previous: BuildCache) {
        self.target = target
        folderPath = target.folder?.path
        self.previous = previous
    }

    func publish(_ bytes: [UInt8], at path: String) throws {
        try publish(bytes, hash: ContentHash.hex(of: bytes), at: path)
    }

    func publish(_ bytes: [UInt8], hash: String, at path: String) throws {
        var entry = BuildCache.Entry(fingerprint: "", outputHash: hash)
        if let old = previous.entries[path], old.outputHash == entry.outputHash,
           IncrementalPlanner.isIntact(path, old, in: target.folder) {
            entry.size = old.size
            entry.modified = old.modified
        } else {
            switch target {
            case .folder, .stagingFolder:
                let replacing = if case .folder = target { true } else { false }
                (entry.size, entry.modified) = try AtomicFile.write(bytes, toPath: folderPath! + "/" + path, replacing: replacing)
            case let .memory(memory):
                try memory.publish(bytes, at: path)
            }
            lock.withLock { written += 1 }
        }
        lock.withLock { published[path] = entry }
    }

    /// A file made in blocks goes to disk block by block, hashed on the way: into a temporary
    /// file when it may replace the previous build's, which stays if the bytes are the same.
    func publish(at path: String, blocks write: (inout OutputBlocks) throws -> Void) throws {
        guard let folder = target.folder else { return try publish(OutputBlocks.collect(write), at: path) }
        let replacing = if case .folder = target { true } else { false }
        let file = try OutputFile(path: folderPath! + "/" + path, replacing: replacing)
        var hash = ContentHash()
        do {
            var blocks = OutputBlocks { block in
                hash.combine(block)
                try file.write(block)
            }
            try write(&blocks)
            try blocks.flush()
        } catch {
            file.discard()
            throw error
        }
        var entry = BuildCache.Entry(fingerprint: "", outputHash: hash.hex)
        if replacing, let old = previous.entries[path], old.outputHash == entry.outputHash,
           IncrementalPlanner.isIntact(path, old, in: folder) {
            file.discard()
            (entry.size, entry.modified) = (old.size, old.modified)
        } else {
            (entry.size, entry.modified) = try file.commit()
            lock.withLock { written += 1 }
        }
        lock.withLock { published[path] = entry }
    }

    /// Deletes a file the new build no longer has, and folders it leaves empty.
    func remove(_ path: String) throws {
        switch target {
        case let .memory(memory):
            memory.remove(at: path)
        case let .folder(root), let .stagingFolder(root):
            let file = root.appendingPathComponent(path, isDirectory: false)
            if unlink(file.path) != 0, errno != ENOENT {
                throw Diagnostic(path: path, message: "cannot remove stale output file \(file.path): \(String(cString: strerror(errno)))")
            }
            var folder = file.deletingLastPathComponent().standardizedFileURL
            let rootPath = root.standardizedFileURL.path
            while folder.path.count > rootPath.count, folder.path.hasPrefix(rootPath), rmdir(folder.path) == 0 {
                folder = folder.deletingLastPathComponent()
            }
        }
    }
}
