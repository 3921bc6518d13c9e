import Foundation

/// The live-reload channel: every open page holds a server-sent events stream and is told to
/// reload after each rebuild that changed something (or failed, to show the error).
final class ReloadChannel: @unchecked Sendable {
    private let lock = NSLock()
    private var listeners: [UUID: AsyncStream<String>.Continuation] = [:]
    private var closed = false

    /// A stream of SSE frames for one client; it ends when the channel closes.
    func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = UUID()
        let accepted = lock.withLock { () -> Bool in
            guard !closed else { return false }
            listeners[id] = continuation
            return true
        }
        guard accepted else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            guard let self else { return }
            _ = self.lock.withLock { self.listeners.removeValue(forKey: id) }
        }
        // Tells the client how soon to reconnect, and that it is connected.
        continuation.yield("retry: 500\n: connected\n\n")
        return stream
    }

    /// Sends `event` (`reload`) to every open page.
    func send(_ event: String, data: String) {
        let frame = "event: \(event)\ndata: \(data)\n\n"
        for listener in lock.withLock({ Array(listeners.values) }) { listener.yield(frame) }
    }

    /// Ends every stream, so open connections close and the server can stop.
    func close() {
        let all = lock.withLock { () -> [AsyncStream<String>.Continuation] in
            closed = true
            defer { listeners = [:] }
            return Array(listeners.values)
        }
        for listener in all { listener.finish() }
    }
}
