import Foundation

/// Static, accessible SVG charts of an indicator: a dot plot of every document's target (with
/// reported values beside them), and a time series of reported values. No script, no outside
/// font; the table on the same page is their text alternative.
struct IndicatorChart {
    let model: SiteModel
    let indicator: IndicatorSummary
    /// The targets in the indicator's unit (others cannot share an axis).
    private let charted: [TargetEntry]

    init(model: SiteModel, indicator: IndicatorSummary) {
        self.model = model
        self.indicator = indicator
        charted = indicator.entries.filter { $0.target.unit == indicator.unit }
    }

    private let width = 720.0
    private let labelWidth = 260.0
    private let rowHeight = 30.0
    private let top = 40.0

    /// At most this many rows are drawn: past it a chart is no longer read row by row, and the
    /// table below holds every target anyway.
    static let maxRows = 40

    /// The rows drawn: the newest charted targets.
    private var entries: ArraySlice<TargetEntry> { charted.prefix(Self.maxRows) }

    /// True when the chart leaves out older targets.
    var isLimited: Bool { charted.count > Self.maxRows }

    var svg: String {
        let entries = Array(self.entries)
        guard !entries.isEmpty else { return "" }
        var numbers = entries.flatMap { [$0.target.target, $0.target.targetMax ?? $0.target.target] }
        numbers += entries.compactMap { $0.assessment.actual?.value }
        let scale = Scale(values: numbers, from: labelWidth + 36, to: width - 36)
        let height = top + Double(entries.count) * rowHeight + 20
        let title = "\(indicator.name)：各文件设定的目标"
        var svg = """
        <svg class="chart" role="img" viewBox="0 0 \(n(width)) \(n(height))" aria-labelledby="chart-title chart-desc" xmlns="http://www.w3.org/2000/svg">
        <title id="chart-title">\(escape(title))</title>
        <desc id="chart-desc">点图：每行一件文件，圆点为目标值\(indicator.unit.isEmpty ? "" : "（单位：\(escape(indicator.unit))）")\(model.hasReportedValues ? "，菱形为实际值" : "")。数据见下表。</desc>

        """
        for tick in scale.ticks {
            let x = scale.x(tick)
            svg += "<line class=\"grid\" x1=\"\(n(x))\" y1=\"\(n(top - 8))\" x2=\"\(n(x))\" y2=\"\(n(height - 20))\"/>"
            svg += "<text class=\"tick\" x=\"\(n(x))\" y=\"\(n(top - 14))\" text-anchor=\"middle\">\(NumberFormat.plain(tick))</text>\n"
        }
        for (row, entry) in entries.enumerated() {
            let y = top + Double(row) * rowHeight + rowHeight / 2
            let record = model.records[entry.record]
            let label = record.issuer + (entry.target.year.map { " \($0)" } ?? "")
            svg += "<text class=\"label\" x=\"\(n(labelWidth))\" y=\"\(n(y + 5))\" text-anchor=\"end\">\(escape(label))</text>"
            if entry.target.comparator == .range, let high = entry.target.targetMax {
                svg += "<line class=\"range\" x1=\"\(n(scale.x(entry.target.target)))\" y1=\"\(n(y))\" x2=\"\(n(scale.x(high)))\" y2=\"\(n(y))\"/>"
            }
            svg += "<circle class=\"target\" cx=\"\(n(scale.x(entry.target.target)))\" cy=\"\(n(y))\" r=\"6\"/>"
            svg += "<text class=\"value\" x=\"\(n(scale.x(entry.target.target)))\" y=\"\(n(y - 9))\" text-anchor=\"middle\">\(escape(entry.target.formattedTarget))</text>"
            if let actual = entry.assessment.actual {
                let x = scale.x(actual.value)
                svg += "<path class=\"actual actual-\(entry.assessment.status.code)\" d=\"M\(n(x)) \(n(y - 7))L\(n(x + 7)) \(n(y))L\(n(x)) \(n(y + 7))L\(n(x - 7)) \(n(y))Z\"/>"
            }
            svg += "\n"
        }
        return svg + "</svg>"
    }

    /// Reported values over the years, one line per jurisdiction; nil when there are none.
    var seriesSVG: String? {
        let values = indicator.values
        guard !values.isEmpty else { return nil }
        let years = values.map(\.year)
        let firstYear = years.min()!, lastYear = max(years.max()!, firstYear + 1)
        let targets = entries.filter { $0.target.comparator != .range }.map(\.target.target)
        let scaleY = Scale(values: values.map(\.value) + targets, from: 260, to: 30)
        let left = 60.0, right = width - 200
        func x(_ year: Int) -> Double { left + (right - left) * Double(year - firstYear) / Double(lastYear - firstYear) }
        let groups = Dictionary(grouping: values, by: \.jurisdiction).sorted { $0.key < $1.key }
        var svg = """
        <svg class="chart series" role="img" viewBox="0 0 \(n(width)) 300" aria-labelledby="series-title series-desc" xmlns="http://www.w3.org/2000/svg">
        <title id="series-title">\(escape(indicator.name))：实际值变化</title>
        <desc id="series-desc">折线图：横轴为年份，纵轴为实际值，每条线一个地区，虚线为目标值。数据见下方“实际值”表。</desc>

        """
        for tick in scaleY.ticks {
            svg += "<line class=\"grid\" x1=\"\(n(left))\" y1=\"\(n(scaleY.x(tick)))\" x2=\"\(n(right))\" y2=\"\(n(scaleY.x(tick)))\"/>"
            svg += "<text class=\"tick\" x=\"\(n(left - 6))\" y=\"\(n(scaleY.x(tick) + 4))\" text-anchor=\"end\">\(NumberFormat.plain(tick))</text>\n"
        }
        for year in firstYear...lastYear {
            svg += "<text class=\"tick\" x=\"\(n(x(year)))\" y=\"290\" text-anchor=\"middle\">\(year)</text>"
        }
        svg += "\n"
        for target in Set(targets).sorted() {
            svg += "<line class=\"target-line\" x1=\"\(n(left))\" y1=\"\(n(scaleY.x(target)))\" x2=\"\(n(right))\" y2=\"\(n(scaleY.x(target)))\"/>\n"
        }
        for (series, (jurisdiction, points)) in groups.enumerated() {
            let sorted = points.sorted { $0.year < $1.year }
            let path = sorted.enumerated().map { "\($0.offset == 0 ? "M" : "L")\(n(x($0.element.year))) \(n(scaleY.x($0.element.value)))" }.joined()
            svg += "<path class=\"line line-\(series % 4)\" d=\"\(path)\"/>"
            for point in sorted {
                svg += "<circle class=\"point line-\(series % 4)\" cx=\"\(n(x(point.year)))\" cy=\"\(n(scaleY.x(point.value)))\" r=\"4\"/>"
            }
            let last = sorted.last!
            svg += "<text class=\"label\" x=\"\(n(right + 8))\" y=\"\(n(scaleY.x(last.value) + 4))\">\(escape(jurisdiction))</text>\n"
        }
        return svg + "</svg>"
    }

    private func n(_ value: Double) -> String { NumberFormat.tenths(value) }
}

/// Maps values onto a pixel range with round tick marks.
struct Scale {
    let low: Double
    let high: Double
    let from: Double
    let to: Double
    let ticks: [Double]

    init(values: [Double], from: Double, to: Double) {
        var low = values.min() ?? 0, high = values.max() ?? 1
        if low == high { low -= 1; high += 1 }
        let step = Scale.niceStep((high - low) / 4)
        low = (low / step).rounded(.down) * step
        high = (high / step).rounded(.up) * step
        self.low = low
        self.high = high
        self.from = from
        self.to = to
        ticks = stride(from: low, through: high + step / 2, by: step).map { ($0 / step).rounded() * step }
    }

    func x(_ value: Double) -> Double { from + (to - from) * (value - low) / (high - low) }

    /// 1, 2 or 5 times a power of ten.
    static func niceStep(_ raw: Double) -> Double {
        let power = pow(10, (log10(raw)).rounded(.down))
        let fraction = raw / power
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power
    }
}

/// Escapes text for HTML and SVG.
public func escape(_ text: String) -> String {
    let special: (UInt8) -> Bool = { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }
    guard text.utf8.contains(where: special) else { return text }
    var out: [UInt8] = []
    out.reserveCapacity(text.utf8.count + 16)
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "&"): out += "&amp;".utf8
        case UInt8(ascii: "<"): out += "&lt;".utf8
        case UInt8(ascii: ">"): out += "&gt;".utf8
        case UInt8(ascii: "\""): out += "&quot;".utf8
        default: out.append(byte)
        }
    }
    return String(decoding: out, as: UTF8.self)
}
