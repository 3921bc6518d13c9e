/// Coalesces bursts of file events into one rebuild: a batch is handed over once no event
/// came for `quiet`, and batches never overlap (events during a rebuild wait for the next).
/// A `git checkout` touching a thousand records is one rebuild.
actor ChangeBatcher {
    private let quiet: Duration
    private let handler: @Sendable (Set<String>) async -> Void
    private var pending: Set<String> = []
    /// Bumped on every event; a timer only fires if no event came after it was set.
    private var generation = 0
    private var running = false

    init(quiet: Duration, handler: @escaping @Sendable (Set<String>) async -> Void) {
        self.quiet = quiet
        self.handler = handler
    }

    /// Records changed paths (project-relative).
    func add(_ paths: some Sequence<String> & Sendable) {
        pending.formUnion(paths)
        scheduleFlush()
    }

    private func scheduleFlush() {
        generation += 1
        let expected = generation
        let quiet = self.quiet
        Task {
            try? await Task.sleep(for: quiet)
            await self.flush(ifStill: expected)
        }
    }

    private func flush(ifStill expected: Int) async {
        guard expected == generation, !running, !pending.isEmpty else { return }
        running = true
        let batch = pending
        pending = []
        await handler(batch)
        running = false
        if !pending.isEmpty { scheduleFlush() }
    }
}
