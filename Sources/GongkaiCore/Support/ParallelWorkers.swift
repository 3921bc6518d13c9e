import Dispatch
import Foundation

/// Runs `body` for every index in `0..<count` on all cores, one worker per core, each with its
/// own `State` (timings, counters) that the caller merges afterwards, so per-item bookkeeping
/// needs no lock or atomic. Workers take indices in chunks of `chunk` from a shared cursor:
/// one lock per chunk, and a slow page does not hold up a whole static share.
///
/// The order in which indices run is not deterministic; `body` must only do independent work
/// (render and write one page). On errors, the one at the lowest index is thrown.
func forEachInParallel<State>(
    count: Int, chunk: Int = 16, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
    state makeState: () -> State, _ body: (inout State, Int) throws -> Void
) throws -> [State] {
    let workers = max(1, min(workers, (count + chunk - 1) / chunk))
    return try withoutActuallyEscaping(makeState) { makeState in
        try withoutActuallyEscaping(body) { body in
            let cursor = ChunkCursor(count: count, chunk: chunk)
            let slots = UnsafeMutableBufferPointer<(state: State?, failure: (index: Int, error: Error)?)>.allocate(capacity: workers)
            slots.initialize(repeating: (nil, nil))
            defer { slots.deinitialize(); slots.deallocate() }
            nonisolated(unsafe) let shared = slots
            nonisolated(unsafe) let run = body
            nonisolated(unsafe) let make = makeState
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var state = make()
                defer { shared[worker].state = state }
                while let range = cursor.next() {
                    for index in range {
                        do { try run(&state, index) } catch {
                            shared[worker].failure = (index, error)
                            cursor.stop()
                            return
                        }
                    }
                }
            }
            if let failure = slots.compactMap(\.failure).min(by: { $0.index < $1.index }) { throw failure.error }
            return slots.map { $0.state! }
        }
    }
}

/// Hands out consecutive ranges of indices to workers.
private final class ChunkCursor: @unchecked Sendable {
    private let lock = NSLock()
    private var position = 0
    private let count: Int
    private let chunk: Int

    init(count: Int, chunk: Int) {
        self.count = count
        self.chunk = chunk
    }

    func next() -> Range<Int>? {
        lock.withLock {
            guard position < count else { return nil }
            defer { position = min(count, position + chunk) }
            return position..<min(count, position + chunk)
        }
    }

    func stop() { lock.withLock { position = count } }
}
