import Foundation

extension BuildReport {
    /// The `--stats` table: each stage's wall and CPU time, the render stage split into
    /// rendering and writing, then each template's pages and time, slowest first.
    public var statsTable: String {
        var lines = [row("stage", "wall s", "cpu s", "peak MB")]
        for stage in stages {
            lines.append(row(stage.name, seconds(stage.seconds), stageCPU[stage.name].map(seconds) ?? "",
                             stageMemory[stage.name].map { String(format: "%7d", $0) } ?? ""))
        }
        let workers = "\(render.workers) worker\(render.workers == 1 ? "" : "s")"
        lines.append(row("  render", "", seconds(render.renderSeconds), "thread-s, \(workers)"))
        lines.append(row("  write", "", seconds(render.writeSeconds), "thread-s, \(workers)"))
        lines.append("")
        lines.append(row("template", "pages", "thread-s", "ms/page"))
        for (name, metric) in render.templates.sorted(by: { ($0.value.seconds, $1.key) > ($1.value.seconds, $0.key) }) {
            lines.append(row(name, String(metric.pages), seconds(metric.seconds),
                             String(format: "%.3f", metric.seconds * 1000 / Double(max(metric.pages, 1)))))
        }
        if let uncompiledTemplate {
            lines.append("")
            lines.append("templates rendered by swift-mustache, several times slower: \(uncompiledTemplate) uses a"
                + " transform, lambda, dynamic partial or pragma, which only swift-mustache renders")
        }
        return lines.map { "  " + $0 }.joined(separator: "\n")
    }

    private func row(_ name: String, _ a: String, _ b: String, _ c: String) -> String {
        name.padding(toLength: 14, withPad: " ", startingAt: 0)
            + [a, b].map { String(repeating: " ", count: max(0, 9 - $0.count)) + $0 }.joined()
            + (c.isEmpty ? "" : "  " + c)
    }

    private func seconds(_ value: Double) -> String { String(format: "%.3f", value) }
}
