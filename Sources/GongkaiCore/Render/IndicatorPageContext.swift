extension PageContext {
    /// `指标`: every indicator, how many documents set it, the range of targets, the years.
    func indicatorIndex() -> [String: Any] {
        var context = base(section: "indicators", breadcrumbs: [("指标", nil)])
        let hasValues = model.hasReportedValues
        context["hasValues"] = hasValues
        context["indicatorCount"] = model.indicators.indicators.count
        context["targetCount"] = model.indicators.indicators.reduce(0) { $0 + $1.entries.count }
        context["uncataloguedCount"] = model.indicators.indicators.filter { !$0.catalogued }.count
        context["csv"] = PagePath.indicatorsCSV
        context["json"] = PagePath.indicatorsJSON
        context["recordsJSON"] = PagePath.recordsJSON
        context["indicators"] = model.indicators.indicators.map { indicator -> [String: Any] in
            let range = indicator.targetRange.map { range in
                range.lowerBound == range.upperBound ? NumberFormat.plain(range.lowerBound)
                    : "\(NumberFormat.plain(range.lowerBound))–\(NumberFormat.plain(range.upperBound))"
            } ?? ""
            let met = indicator.entries.filter { $0.assessment.status == .met }.count
            let assessed = indicator.entries.filter { $0.assessment.status != .noData }.count
            return [
                "name": indicator.name, "href": PagePath.indicator(indicator.id), "records": indicator.recordCount,
                "range": range, "unit": indicator.unit, "years": indicator.years.map(String.init).joined(separator: "、"),
                "catalogued": indicator.catalogued, "met": assessed > 0 ? "\(met)/\(assessed)" : "",
            ]
        }
        return context
    }

    /// One indicator: every document's target side by side, the chart, the downloads.
    func indicator(_ index: Int) -> [String: Any] {
        let indicator = model.indicators.indicators[index]
        var context = base(section: "indicators", breadcrumbs: [("指标", PagePath.indicatorIndex), (indicator.name, nil)])
        context["name"] = indicator.name
        if !indicator.unit.isEmpty { context["unit"] = indicator.unit }
        if let better = indicator.better { context["better"] = better == .higher ? "数值越高越好" : "数值越低越好" }
        context["catalogued"] = indicator.catalogued
        let otherNames = indicator.names.filter { $0 != indicator.name }
        if !otherNames.isEmpty { context["otherNames"] = otherNames.joined(separator: "、") }
        context["recordCount"] = indicator.recordCount
        context["hasValues"] = model.hasReportedValues
        context["rows"] = indicator.entries.map { TargetCells(model: model, indicator: indicator, entry: $0).context }
        let chart = IndicatorChart(model: model, indicator: indicator)
        context["chart"] = chart.svg
        if chart.isLimited { context["chartLimit"] = IndicatorChart.maxRows }
        if let series = chart.seriesSVG { context["series"] = series }
        context["values"] = indicator.values.map { value -> [String: Any] in
            ["jurisdiction": value.jurisdiction, "year": String(value.year),
             "value": NumberFormat.plain(value.value) + indicator.unit, "source": value.source]
        }
        context["hasReported"] = !indicator.values.isEmpty
        context["csv"] = PagePath.indicatorCSV(indicator.id)
        context["json"] = PagePath.indicatorJSON(indicator.id)
        return context
    }

    /// A record's targets grouped under the document's own categories (in the order they first
    /// appear), each linked to its indicator.
    func indicatorGroups(of recordIndex: Int) -> [[String: Any]] {
        var groups: [(category: String, rows: [[String: Any]])] = []
        for reference in model.indicators.entriesByRecord[recordIndex] {
            let indicator = model.indicators.indicators[reference.indicator]
            let entry = indicator.entries[reference.entry]
            let category = entry.target.category ?? "其他"
            let row = TargetCells(model: model, indicator: indicator, entry: entry).context
            if let existing = groups.firstIndex(where: { $0.category == category }) {
                groups[existing].rows.append(row)
            } else {
                groups.append((category, [row]))
            }
        }
        return groups.map { ["category": $0.category, "rows": $0.rows, "count": $0.rows.count] }
    }

    /// An issuer's scorecard: every target its documents set.
    func scorecard(records: [Int]) -> [[String: Any]] {
        records.flatMap { model.indicators.entriesByRecord[$0] }.sorted().map { reference in
            let indicator = model.indicators.indicators[reference.indicator]
            return TargetCells(model: model, indicator: indicator, entry: indicator.entries[reference.entry]).context
        }
    }
}
