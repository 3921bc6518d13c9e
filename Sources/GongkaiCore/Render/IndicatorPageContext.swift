extension PageContext {
    /// `指标`: every indicator, how many documents set it, the range of targets, the years.
    func indicatorIndex() -> TemplateObject {
        var context = base(section: "indicators", breadcrumbs: [("指标", nil)])
        context["hasValues"] = .bool(model.hasReportedValues)
        context["indicatorCount"] = .int(model.indicators.indicators.count)
        context["targetCount"] = .int(model.indicators.indicators.reduce(0) { $0 + $1.entries.count })
        context["uncataloguedCount"] = .int(model.indicators.indicators.filter { !$0.catalogued }.count)
        context["csv"] = .string(PagePath.indicatorsCSV)
        context["json"] = .string(PagePath.indicatorsJSON)
        context["recordsJSON"] = .string(PagePath.recordsJSON)
        context["indicators"] = .list(model.indicators.indicators.map { indicator -> TemplateValue in
            let range = indicator.targetRange.map { range in
                range.lowerBound == range.upperBound ? NumberFormat.plain(range.lowerBound)
                    : "\(NumberFormat.plain(range.lowerBound))–\(NumberFormat.plain(range.upperBound))"
            } ?? ""
            let met = indicator.entries.filter { $0.assessment.status == .met }.count
            let assessed = indicator.entries.filter { $0.assessment.status != .noData }.count
            return [
                "name": .string(indicator.name), "href": .string(PagePath.indicator(indicator.id)),
                "records": .int(indicator.recordCount), "range": .string(range), "unit": .string(indicator.unit),
                "years": .string(indicator.years.map(String.init).joined(separator: "、")),
                "catalogued": .bool(indicator.catalogued), "met": .string(assessed > 0 ? "\(met)/\(assessed)" : ""),
            ]
        })
        return context
    }

    /// One indicator: every document's target side by side, the chart, the downloads.
    func indicator(_ index: Int) -> TemplateObject {
        let indicator = model.indicators.indicators[index]
        var context = base(section: "indicators", breadcrumbs: [("指标", PagePath.indicatorIndex), (indicator.name, nil)])
        context["name"] = .string(indicator.name)
        if !indicator.unit.isEmpty { context["unit"] = .string(indicator.unit) }
        if let better = indicator.better { context["better"] = .string(better == .higher ? "数值越高越好" : "数值越低越好") }
        context["catalogued"] = .bool(indicator.catalogued)
        let otherNames = indicator.names.filter { $0 != indicator.name }
        if !otherNames.isEmpty { context["otherNames"] = .string(otherNames.joined(separator: "、")) }
        context["recordCount"] = .int(indicator.recordCount)
        context["hasValues"] = .bool(model.hasReportedValues)
        context["rows"] = .list(indicator.entries.map { TargetCells(model: model, indicator: indicator, entry: $0).context })
        let chart = IndicatorChart(model: model, indicator: indicator)
        context["chart"] = .string(chart.svg)
        if chart.isLimited { context["chartLimit"] = .int(IndicatorChart.maxRows) }
        context["series"] = .optional(chart.seriesSVG)
        context["values"] = .list(indicator.values.map { value in
            ["jurisdiction": .string(value.jurisdiction), "year": .string(String(value.year)),
             "value": .string(NumberFormat.plain(value.value) + indicator.unit), "source": .string(value.source)]
        })
        context["hasReported"] = .bool(!indicator.values.isEmpty)
        context["csv"] = .string(PagePath.indicatorCSV(indicator.id))
        context["json"] = .string(PagePath.indicatorJSON(indicator.id))
        return context
    }

    /// A record's targets grouped under the document's own categories (in the order they first
    /// appear), each linked to its indicator.
    func indicatorGroups(of recordIndex: Int) -> TemplateValue {
        var groups: [(category: String, rows: [TemplateValue])] = []
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
        return .list(groups.map { ["category": .string($0.category), "rows": .list($0.rows), "count": .int($0.rows.count)] })
    }

    /// An issuer's scorecard: every target its documents set.
    func scorecard(records: [Int]) -> [TemplateValue] {
        records.flatMap { model.indicators.entriesByRecord[$0] }.sorted().map { reference in
            let indicator = model.indicators.indicators[reference.indicator]
            return TargetCells(model: model, indicator: indicator, entry: indicator.entries[reference.entry]).context
        }
    }
}
