import Foundation
import Testing
@testable import GongkaiCore

@Suite struct BackgroundReleaseTests {
    /// Says on which thread it was freed.
    final class Tracked: @unchecked Sendable {
        let freed: @Sendable (Bool) -> Void
        init(freed: @escaping @Sendable (Bool) -> Void) { self.freed = freed }
        deinit { freed(Thread.isMainThread) }
    }

    final class Outcome: @unchecked Sendable {
        let lock = NSLock()
        var onMain: [Bool] = []
        let done = DispatchSemaphore(value: 0)
        func record(_ main: Bool) { lock.withLock { onMain.append(main) }; done.signal() }
    }

    @Test func theLastReferenceIsDroppedOnAnotherThread() async throws {
        let outcome = Outcome()
        await MainActor.run {
            let objects = (0..<3).map { _ in Tracked(freed: { outcome.record($0) }) }
            releaseInBackground((objects, Tracked(freed: { outcome.record($0) })))
        }
        for _ in 0..<4 { #expect(outcome.done.wait(timeout: .now() + 10) == .success) }
        #expect(outcome.lock.withLock { outcome.onMain } == [false, false, false, false])
    }
}
