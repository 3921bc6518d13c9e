import Foundation

/// Rendered pages on their way to the publisher, written by one thread at a time while the
/// others go on rendering.
///
/// Creating a file takes its folder's lock in the kernel, and nearly every page goes into one
/// of a few folders (`records/` holds most). Two workers writing at once made one spin on that
/// lock while ext4 looked for a free inode for the other: up to a tenth of a build's CPU time
/// on a file system that had just deleted thousands of files. Here a worker hands its page to
/// the queue and writes whatever is waiting only if no other worker is writing; otherwise it
/// goes back to rendering. It waits its turn only when more than `limit` bytes are waiting,
/// so memory stays bounded. A publisher that creates no files (the preview's memory) is
/// written to at once: there, taking turns only put every page's bookkeeping on one thread.
final class WriteQueue: @unchecked Sendable {
    private let publisher: Publisher
    private let limit: Int
    /// Guards `pending`, `pendingBytes` and `failure`.
    private let lock = NSLock()
    /// Held by the thread that is writing.
    private let writing = NSLock()
    private var pending: [(path: String, bytes: [UInt8], hash: String)] = []
    private var pendingBytes = 0
    private var failure: Error?

    init(publisher: Publisher, limit: Int = 16 << 20) {
        self.publisher = publisher
        self.limit = limit
    }

    /// Queues `bytes` for `path`, then writes what is waiting unless another thread is at it.
    /// Returns the seconds this thread spent writing; throws the first write that failed.
    func submit(_ bytes: [UInt8], at path: String) throws -> Double {
        // Hashed here, on the rendering thread, so that the one writing only writes.
        let hash = ContentHash.hex(of: bytes)
        guard publisher.createsFiles else {
            let start = Stopwatch.now()
            try publisher.publish(bytes, hash: hash, at: path)
            return Stopwatch.now() - start
        }
        let full = try lock.withLock {
            if let failure { throw failure }
            pending.append((path, bytes, hash))
            pendingBytes += bytes.count
            return pendingBytes > limit
        }
        if full { writing.lock() } else if !writing.try() { return 0 }
        defer { writing.unlock() }
        return drain()
    }

    /// Writes everything still waiting; throws the first write that failed. Call once every
    /// page has been submitted. Returns the seconds spent writing.
    func finish() throws -> Double {
        let seconds = writing.withLock { drain() }
        if let failure = lock.withLock({ failure }) { throw failure }
        return seconds
    }

    /// Takes the waiting pages in turns and writes them; the caller holds `writing`.
    private func drain() -> Double {
        let start = Stopwatch.now()
        while true {
            let batch = lock.withLock {
                let batch = failure == nil ? pending : []
                pending = []
                pendingBytes = 0
                return batch
            }
            if batch.isEmpty { break }
            for page in batch {
                do { try publisher.publish(page.bytes, hash: page.hash, at: page.path) } catch {
                    lock.withLock { if failure == nil { failure = error } }
                    break
                }
            }
        }
        return Stopwatch.now() - start
    }
}
