/// Tables that a copy broke apart: one cell a line ending in `|`, rows closed by a line of
/// pipes (`||`, `|||`), merged cells (rowspan/colspan) leaving rows short or long; or
/// tab-separated cells from an HTML table. Rebuilt as rectangular rows.
enum PipeTable {
    static func isTableLine(_ t: String) -> Bool {
        if t.hasSuffix("|") { return true }
        return t.split(separator: "\t", omittingEmptySubsequences: true).count >= 2
    }

    static func rows(_ lines: [String]) -> [[String]]? {
        var raw: [[String]] = []
        var current: [String] = []
        let pipeRows = lines.contains { $0.allSatisfy { $0 == "|" } }
        for line in lines {
            if line.allSatisfy({ $0 == "|" }) {
                if !current.isEmpty { raw.append(current); current = [] }
                continue
            }
            let separator: Character = line.contains("|") ? "|" : "\t"
            var cells = line.split(separator: separator, omittingEmptySubsequences: false).map { $0.trimmingPageSpace() }
            if line.hasPrefix(String(separator)) { cells.removeFirst() }
            if line.hasSuffix(String(separator)), cells.last == "" { cells.removeLast() }
            if pipeRows { current.append(contentsOf: cells) } else { raw.append(cells) }
        }
        if !current.isEmpty { raw.append(current) }
        guard raw.count >= 2 else { return nil }
        let width = raw[0].count
        guard width >= 2 else { return nil }
        var rows: [[String]] = [raw[0].map(tidyHeader)]
        var previous = raw[0]
        for row in raw.dropFirst() {
            var cells = row
            // Fewer cells: the leading ones were merged downwards (rowspan); take them from above.
            if cells.count < width {
                let missing = previous.count - cells.count
                if missing > 0 { cells = Array(previous.prefix(missing)) + cells }
            }
            previous = cells
            // More cells than the header: a sub-column under one heading (colspan); fold it in.
            if cells.count > width {
                let extra = cells.count - width
                let merged = cells[1...(1 + extra)].filter { !$0.isEmpty }.joined(separator: "：")
                cells = [cells[0], merged] + Array(cells[(2 + extra)...])
            }
            while cells.count < width { cells.append("") }
            rows.append(cells)
        }
        return rows
    }

    /// 内 容 → 内容, 全县 指标 → 全县指标: header cells spaced out for layout.
    private static func tidyHeader(_ cell: String) -> String {
        cell.hanCount == cell.filter({ $0 != " " }).count ? cell.replacingOccurrences(of: " ", with: "") : cell
    }

    static func markdown(_ rows: [[String]]) -> String {
        func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        var out = "| " + rows[0].map(escape).joined(separator: " | ") + " |\n"
        out += "|" + String(repeating: " --- |", count: rows[0].count) + "\n"
        for row in rows.dropFirst() { out += "| " + row.map(escape).joined(separator: " | ") + " |\n" }
        return out
    }
}
