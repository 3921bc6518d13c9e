import Foundation

/// The machine-readable downloads: the indicator tables as CSV (UTF-8 with a byte order mark,
/// so Excel reads the Chinese correctly) and JSON, and every record's metadata as JSON.
struct Downloads {
    let model: SiteModel

    static let csvHeader = ["指标编号", "指标", "文件中的名称", "发布机构", "地区", "文件", "文号", "成文日期", "比较", "目标",
                            "目标上限", "单位", "年份", "类别", "责任单位", "备注", "实际值", "实际值年份", "状态", "数据来源"]

    func render(_ download: Download) -> String {
        switch download {
        case .indicatorsCSV: return csv(model.allTargets)
        case .indicatorsJSON: return JSONValue.array(model.allTargets.map(targetObject)).text
        case let .indicatorCSV(index): return csv(targets(of: index))
        case let .indicatorJSON(index): return indicatorObject(model.indicators.indicators[index], targets: targets(of: index)).text
        case .records: return JSONValue.array(model.records.indices.map(recordObject)).text
        }
    }

    private func targets(of index: Int) -> [(IndicatorSummary, TargetEntry)] {
        let indicator = model.indicators.indicators[index]
        return indicator.entries.map { (indicator, $0) }
    }

    private func csv(_ targets: [(IndicatorSummary, TargetEntry)]) -> String {
        var table = CSVTable(header: Self.csvHeader)
        for (indicator, entry) in targets {
            let cells = TargetCells(model: model, indicator: indicator, entry: entry)
            let target = entry.target, actual = entry.assessment.actual
            table.append([
                indicator.id, indicator.name, target.name, cells.record.issuer, cells.record.region ?? "", cells.record.title,
                cells.record.docNo ?? "", cells.record.date.description, target.comparator.rawValue, NumberFormat.plain(target.target),
                target.targetMax.map(NumberFormat.plain) ?? "", target.unit, cells.year, target.category ?? "", cells.owners,
                target.note ?? "", actual.map { NumberFormat.plain($0.value) } ?? "", actual.map { String($0.year) } ?? "",
                cells.status.rawValue, actual?.source ?? "",
            ])
        }
        return table.text
    }

    // The JSON shapes: keys in snake_case, absent values left out.

    private func indicatorObject(_ indicator: IndicatorSummary, targets: [(IndicatorSummary, TargetEntry)]) -> JSONValue {
        .object([
            ("id", .string(indicator.id)), ("name", .string(indicator.name)), ("unit", .string(indicator.unit)),
            ("names", .strings(indicator.names)), ("catalogued", .bool(indicator.catalogued)),
            ("page", .string(PagePath.indicator(indicator.id))), ("better", indicator.better.map { .string($0.rawValue) }),
            ("targets", .array(targets.map(targetObject))),
            ("reported_values", .array(indicator.values.map {
                reported(jurisdiction: $0.jurisdiction, year: $0.year, value: $0.value, source: $0.source)
            })),
        ])
    }

    private func targetObject(_ pair: (IndicatorSummary, TargetEntry)) -> JSONValue {
        let (indicator, entry) = pair
        let record = model.records[entry.record], target = entry.target
        return .object([
            ("indicator_id", .string(indicator.id)), ("indicator", .string(indicator.name)), ("name", .string(target.name)),
            ("issuer", .string(record.issuer)), ("region", record.region.map(JSONValue.string)),
            ("record", .string(record.slug)), ("title", .string(record.title)), ("doc_no", record.docNo.map(JSONValue.string)),
            ("date", .string(record.date.description)), ("comparator", .string(target.comparator.rawValue)),
            ("target", .number(target.target)), ("target_max", target.targetMax.map(JSONValue.number)),
            ("unit", .string(target.unit)), ("year", target.year.map(JSONValue.int)),
            ("category", target.category.map(JSONValue.string)), ("owners", .strings(target.owners)),
            ("note", target.note.map(JSONValue.string)), ("status", .string(entry.assessment.status.rawValue)),
            ("actual", entry.assessment.actual.map { reported(jurisdiction: nil, year: $0.year, value: $0.value, source: $0.source) }),
        ])
    }

    private func reported(jurisdiction: String?, year: Int, value: Double, source: String) -> JSONValue {
        .object([("jurisdiction", jurisdiction.map(JSONValue.string)), ("year", .int(year)), ("value", .number(value)),
                 ("source", .string(source))])
    }

    private func recordObject(_ index: Int) -> JSONValue {
        let record = model.records[index]
        let optional: [(String, String?)] = [
            ("doc_no", record.docNo), ("index_no", record.indexNo), ("published", record.published?.description),
            ("region", record.region), ("genre", record.genre), ("disclosure", record.disclosure), ("scope", record.scope),
            ("status", record.status), ("effective", record.effective?.description), ("expires", record.expires?.description),
            ("period", record.period), ("summary", record.summary), ("source", record.source),
        ]
        return .object([
            ("slug", .string(record.slug)), ("title", .string(record.title)), ("issuer", .string(record.issuer)),
            ("date", .string(record.date.description)), ("page", .string(PagePath.record(record.slug))),
            ("topics", .strings(record.topics)), ("keywords", .strings(record.keywords)),
            ("indicator_count", .int(record.indicators.count)),
        ] + optional.map { ($0.0, $0.1.map(JSONValue.string)) })
    }
}
