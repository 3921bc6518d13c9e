import Dispatch

extension Collection where Index == Int {
    /// Maps every element on all cores and returns the results in the input's order,
    /// so parallel work stays deterministic.
    func parallelMap<T>(_ transform: (Element) throws -> T) rethrows -> [T] {
        let count = self.count
        guard count > 1 else { return try map(transform) }
        return try withoutActuallyEscaping(transform) { transform in
            let results = UnsafeMutableBufferPointer<Result<T, Error>?>.allocate(capacity: count)
            results.initialize(repeating: nil)
            defer { results.deinitialize(); results.deallocate() }
            let start = startIndex
            nonisolated(unsafe) let shared = results
            nonisolated(unsafe) let body = transform
            nonisolated(unsafe) let base = self
            DispatchQueue.concurrentPerform(iterations: count) { offset in
                shared[offset] = Result { try body(base[start + offset]) }
            }
            return try results.map { try $0!.get() }
        }
    }
}

/// Runs `first` and `second` on two cores and returns both results.
func inParallel<A, B>(_ first: () throws -> A, _ second: () throws -> B) rethrows -> (A, B) {
    try withoutActuallyEscaping(first) { first in
        try withoutActuallyEscaping(second) { second in
            nonisolated(unsafe) var a: Result<A, Error>?
            nonisolated(unsafe) var b: Result<B, Error>?
            nonisolated(unsafe) let run = (first, second)
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                if index == 0 { a = Result { try run.0() } } else { b = Result { try run.1() } }
            }
            return (try a!.get(), try b!.get())
        }
    }
}
