import Dispatch
import Glibc

/// Measures a stage's wall time with a monotonic clock, and the CPU time the whole process
/// (all threads) used meanwhile.
struct Stopwatch {
    private var start = Stopwatch.now()
    private var startCPU = Stopwatch.processCPU()
    /// CPU seconds of the last lap.
    private(set) var lastCPU = 0.0

    mutating func lap() -> Double {
        let now = Stopwatch.now()
        let cpu = Stopwatch.processCPU()
        defer { start = now; startCPU = cpu }
        lastCPU = cpu - startCPU
        return now - start
    }

    /// Monotonic seconds, cheap enough to read around every page (a vDSO call, no syscall).
    static func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e9 }

    /// The process's peak resident memory so far, in MB.
    static func peakMemoryMB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
    }

    /// User + system time of all threads so far.
    static func processCPU() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
