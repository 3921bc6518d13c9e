import Dispatch

/// Measures a stage's wall time with a monotonic clock.
struct Stopwatch {
    private var start = DispatchTime.now().uptimeNanoseconds

    mutating func lap() -> Double {
        let now = DispatchTime.now().uptimeNanoseconds
        defer { start = now }
        return Double(now - start) / 1e9
    }
}
