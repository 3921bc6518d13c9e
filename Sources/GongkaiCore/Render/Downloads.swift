import CSV
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
        case .indicatorsJSON: return json(model.allTargets.map(targetObject))
        case let .indicatorCSV(index): return csv(targets(of: index))
        case let .indicatorJSON(index):
            let indicator = model.indicators.indicators[index]
            var object = indicatorObject(indicator)
            object["targets"] = targets(of: index).map(targetObject)
            object["reported_values"] = indicator.values.map { value -> [String: Any] in
                ["jurisdiction": value.jurisdiction, "year": value.year, "value": value.value, "source": value.source]
            }
            return json(object)
        case .records: return json(model.records.indices.map(recordObject))
        }
    }

    private func targets(of index: Int) -> [(IndicatorSummary, TargetEntry)] {
        let indicator = model.indicators.indicators[index]
        return indicator.entries.map { (indicator, $0) }
    }

    private func csv(_ targets: [(IndicatorSummary, TargetEntry)]) -> String {
        let stream = OutputStream(toMemory: ())
        stream.open()
        // The writer only fails on a closed stream.
        let writer = try! CSVWriter(stream: stream, codecType: UTF8.self, newline: .crlf)
        try! writer.write(row: Self.csvHeader)
        for (indicator, entry) in targets {
            let cells = TargetCells(model: model, indicator: indicator, entry: entry)
            let target = entry.target, actual = entry.assessment.actual
            writer.beginNewRow()
            try! writer.write(row: [
                indicator.id, indicator.name, target.name, cells.record.issuer, cells.record.region ?? "", cells.record.title,
                cells.record.docNo ?? "", cells.record.date.description, target.comparator.rawValue, NumberFormat.plain(target.target),
                target.targetMax.map(NumberFormat.plain) ?? "", target.unit, cells.year, target.category ?? "", cells.owners,
                target.note ?? "", actual.map { NumberFormat.plain($0.value) } ?? "", actual.map { String($0.year) } ?? "",
                cells.status.rawValue, actual?.source ?? "",
            ])
        }
        writer.stream.close()
        let data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        return "\u{FEFF}" + String(decoding: data, as: UTF8.self) + "\r\n"
    }

    private func json(_ value: Any) -> String {
        let data = try! JSONSerialization.data(withJSONObject: value, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private func indicatorObject(_ indicator: IndicatorSummary) -> [String: Any] {
        var object: [String: Any] = ["id": indicator.id, "name": indicator.name, "unit": indicator.unit,
                                     "names": indicator.names, "catalogued": indicator.catalogued,
                                     "page": PagePath.indicator(indicator.id)]
        if let better = indicator.better { object["better"] = better.rawValue }
        return object
    }

    private func targetObject(_ pair: (IndicatorSummary, TargetEntry)) -> [String: Any] {
        let (indicator, entry) = pair
        let record = model.records[entry.record], target = entry.target
        var object: [String: Any] = [
            "indicator_id": indicator.id, "indicator": indicator.name, "name": target.name,
            "issuer": record.issuer, "record": record.slug, "title": record.title, "date": record.date.description,
            "comparator": target.comparator.rawValue, "target": target.target, "unit": target.unit, "owners": target.owners,
            "status": entry.assessment.status.rawValue,
        ]
        for (key, value) in [("region", record.region), ("doc_no", record.docNo), ("category", target.category), ("note", target.note)] {
            if let value { object[key] = value }
        }
        if let max = target.targetMax { object["target_max"] = max }
        if let year = target.year { object["year"] = year }
        if let actual = entry.assessment.actual {
            object["actual"] = ["value": actual.value, "year": actual.year, "source": actual.source] as [String: Any]
        }
        return object
    }

    private func recordObject(_ index: Int) -> [String: Any] {
        let record = model.records[index]
        var object: [String: Any] = [
            "slug": record.slug, "title": record.title, "issuer": record.issuer, "date": record.date.description,
            "page": PagePath.record(record.slug), "topics": record.topics, "keywords": record.keywords,
            "indicator_count": record.indicators.count,
        ]
        let optional: [(String, String?)] = [
            ("doc_no", record.docNo), ("index_no", record.indexNo), ("published", record.published?.description),
            ("region", record.region), ("genre", record.genre), ("disclosure", record.disclosure), ("scope", record.scope),
            ("status", record.status), ("effective", record.effective?.description), ("expires", record.expires?.description),
            ("period", record.period), ("summary", record.summary), ("source", record.source),
        ]
        for (key, value) in optional { if let value { object[key] = value } }
        return object
    }
}
