import Foundation
import Testing
@testable import GongkaiCore

/// Pages handed to the write queue from many workers all land, one writer at a time, and a
/// failed write stops the build.
@Suite struct WriteQueueTests {
    /// Counts how many threads are inside `publish` at once.
    private final class WatchedPublisher: Publisher, @unchecked Sendable {
        let files = MemoryPublisher()
        private let lock = NSLock()
        private var inside = 0
        private(set) var mostAtOnce = 0
        let failingPath: String?

        init(failingPath: String? = nil) { self.failingPath = failingPath }

        func publish(_ bytes: [UInt8], at path: String) throws {
            lock.withLock { inside += 1; mostAtOnce = max(mostAtOnce, inside) }
            defer { lock.withLock { inside -= 1 } }
            if path == failingPath { throw Diagnostic(path: path, message: "disk full") }
            usleep(20)
            try files.publish(bytes, at: path)
        }
    }

    @Test(arguments: [1 << 20, 100])
    func everyPageLandsWithOneWriterAtATime(limit: Int) throws {
        let publisher = WatchedPublisher()
        let queue = WriteQueue(publisher: publisher, limit: limit)
        _ = try forEachInParallel(count: 2000, chunk: 3, workers: 4, state: { 0 }) { _, index in
            _ = try queue.submit(Array("page \(index)".utf8), at: "p/\(index).html")
        }
        _ = try queue.finish()
        let files = publisher.files.files
        #expect(files.count == 2000)
        #expect(files["p/1234.html"] == Array("page 1234".utf8))
        #expect(publisher.mostAtOnce == 1)
    }

    @Test func aFailedWriteIsThrown() {
        let queue = WriteQueue(publisher: WatchedPublisher(failingPath: "p/7.html"))
        #expect(throws: Diagnostic.self) {
            _ = try forEachInParallel(count: 500, chunk: 2, workers: 2, state: { 0 }) { _, index in
                _ = try queue.submit([1], at: "p/\(index).html")
            }
            _ = try queue.finish()
        }
    }
}
