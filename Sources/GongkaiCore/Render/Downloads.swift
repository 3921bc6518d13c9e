/// The machine-readable downloads: the indicator tables as CSV (UTF-8 with a byte order mark,
/// so Excel reads the Chinese correctly) and JSON, and every record's metadata as JSON.
struct Downloads {
    let model: SiteModel

    static let csvHeader = ["指标编号", "指标", "文件中的名称", "发布机构", "地区", "文件", "文号", "成文日期", "比较", "目标",
                            "目标上限", "单位", "年份", "类别", "责任单位", "备注", "实际值", "实际值年份", "状态", "数据来源"]

    /// Writes the file into `blocks`.
    func write(_ download: Download, to blocks: inout OutputBlocks) throws {
        switch download {
        case .indicatorsCSV: try csv(model.allTargets, to: &blocks)
        case .indicatorsJSON: try JSONValue.writeArrayDocument(model.allTargets, to: &blocks, targetObject)
        case let .indicatorCSV(index): try csv(targets(of: index), to: &blocks)
        case let .indicatorJSON(index):
            blocks.bytes += indicatorObject(model.indicators.indicators[index], targets: targets(of: index)).bytes
        case .records: try JSONValue.writeArrayDocument(model.records.indices, to: &blocks, recordObject)
        }
    }

    private func targets(of index: Int) -> [(IndicatorSummary, TargetEntry)] {
        let indicator = model.indicators.indicators[index]
        return indicator.entries.map { (indicator, $0) }
    }

    private func csv(_ targets: some Sequence<(IndicatorSummary, TargetEntry)>, to blocks: inout OutputBlocks) throws {
        CSVTable.start(Self.csvHeader, in: &blocks.bytes)
        for (indicator, entry) in targets {
            let cells = TargetCells(model: model, indicator: indicator, entry: entry)
            let target = entry.target, actual = entry.assessment.actual
            CSVTable.appendRow([
                indicator.id, indicator.name, target.name, cells.record.issuer, cells.record.region ?? "", cells.record.title,
                cells.record.docNo ?? "", cells.record.date.description, target.comparator.rawValue, NumberFormat.plain(target.target),
                target.targetMax.map(NumberFormat.plain) ?? "", target.unit, cells.year, target.category ?? "", cells.owners,
                target.note ?? "", actual.map { NumberFormat.plain($0.value) } ?? "", actual.map { String($0.year) } ?? "",
                cells.status.rawValue, actual?.source ?? "",
            ], to: &blocks.bytes)
            try blocks.flushIfFull()
        }
    }

    // The JSON shapes: keys in snake_case and in sorted order, absent values left out.

    private func indicatorObject(_ indicator: IndicatorSummary, targets: [(IndicatorSummary, TargetEntry)]) -> JSONValue {
        .object([
            ("better", indicator.better.map { .string($0.rawValue) }), ("catalogued", .bool(indicator.catalogued)),
            ("id", .string(indicator.id)), ("name", .string(indicator.name)), ("names", .strings(indicator.names)),
            ("page", .string(PagePath.indicator(indicator.id))),
            ("reported_values", .array(indicator.values.map {
                reported(jurisdiction: $0.jurisdiction, year: $0.year, value: $0.value, source: $0.source)
            })),
            ("targets", .array(targets.map(targetObject))), ("unit", .string(indicator.unit)),
        ])
    }

    private func targetObject(_ pair: (IndicatorSummary, TargetEntry)) -> JSONValue {
        let (indicator, entry) = pair
        let record = model.records[entry.record], target = entry.target
        return .object([
            ("actual", entry.assessment.actual.map { reported(jurisdiction: nil, year: $0.year, value: $0.value, source: $0.source) }),
            ("category", target.category.map(JSONValue.string)), ("comparator", .string(target.comparator.rawValue)),
            ("date", .string(record.date.description)), ("doc_no", record.docNo.map(JSONValue.string)),
            ("indicator", .string(indicator.name)), ("indicator_id", .string(indicator.id)), ("issuer", .string(record.issuer)),
            ("name", .string(target.name)), ("note", target.note.map(JSONValue.string)), ("owners", .strings(target.owners)),
            ("record", .string(record.slug)), ("region", record.region.map(JSONValue.string)),
            ("status", .string(entry.assessment.status.rawValue)), ("target", .number(target.target)),
            ("target_max", target.targetMax.map(JSONValue.number)), ("title", .string(record.title)),
            ("unit", .string(target.unit)), ("year", target.year.map(JSONValue.int)),
        ])
    }

    private func reported(jurisdiction: String?, year: Int, value: Double, source: String) -> JSONValue {
        .object([("jurisdiction", jurisdiction.map(JSONValue.string)), ("source", .string(source)), ("value", .number(value)),
                 ("year", .int(year))])
    }

    private func recordObject(_ index: Int) -> JSONValue {
        let record = model.records[index]
        func text(_ value: String?) -> JSONValue? { value.map(JSONValue.string) }
        return .object([
            ("date", .string(record.date.description)), ("disclosure", text(record.disclosure)), ("doc_no", text(record.docNo)),
            ("effective", text(record.effective?.description)), ("expires", text(record.expires?.description)),
            ("genre", text(record.genre)), ("index_no", text(record.indexNo)), ("indicator_count", .int(record.indicators.count)),
            ("issuer", .string(record.issuer)), ("keywords", .strings(record.keywords)),
            ("page", .string(PagePath.record(record.slug))), ("period", text(record.period)),
            ("published", text(record.published?.description)), ("region", text(record.region)), ("scope", text(record.scope)),
            ("slug", .string(record.slug)), ("source", text(record.source)), ("status", text(record.status)),
            ("summary", text(record.summary)), ("title", .string(record.title)), ("topics", .strings(record.topics)),
        ])
    }
}
