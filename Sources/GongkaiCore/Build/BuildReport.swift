import Foundation

/// What a build did, for the summary line and `--stats`.
public struct BuildReport: Sendable {
    public var records = 0
    public var pages = 0
    /// Other files: stylesheet, downloads.
    public var files = 0
    public var warnings: [Diagnostic] = []
    /// The template that made the build use swift-mustache's slower renderer, if any.
    public var uncompiledTemplate: String?
    /// Wall time of each stage, in the order the stages ran.
    public var stages: [(name: String, seconds: Double)] = []
    /// CPU time (user + system, all threads) of each stage, by stage name.
    public var stageCPU: [String: Double] = [:]
    /// Peak resident memory (MB) at the end of each stage, by stage name.
    public var stageMemory: [String: Int] = [:]
    /// The render stage split into rendering and writing, and per template.
    public var render = RenderMetrics()

    public var seconds: Double { stages.reduce(0) { $0 + $1.seconds } }

    /// One line: `gongkai: 5 records, 39 pages, 0 warnings in 0.12 s`.
    public var summary: String {
        let time = seconds < 10 ? String(format: "%.2f", seconds) : String(format: "%.1f", seconds)
        return "\(records) records, \(pages) pages, \(warnings.count) warning\(warnings.count == 1 ? "" : "s") in \(time) s"
    }

    /// Records the stage that `clock` has timed since its last lap: wall and CPU time.
    mutating func endStage(_ name: String, _ clock: inout Stopwatch) {
        stages.append((name, clock.lap()))
        stageCPU[name] = clock.lastCPU
        stageMemory[name] = Stopwatch.peakMemoryMB()
    }
}
