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
            object.targets = targets(of: index).map(targetObject)
            object.reportedValues = indicator.values.map {
                ReportedJSON(jurisdiction: $0.jurisdiction, year: $0.year, value: $0.value, source: $0.source)
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

    /// Sorted keys and a fixed layout, so the files are byte-stable from build to build.
    private func json(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try! encoder.encode(value), as: UTF8.self) + "\n"
    }

    private func indicatorObject(_ indicator: IndicatorSummary) -> IndicatorJSON {
        IndicatorJSON(id: indicator.id, name: indicator.name, unit: indicator.unit, names: indicator.names,
                      catalogued: indicator.catalogued, page: PagePath.indicator(indicator.id), better: indicator.better?.rawValue)
    }

    private func targetObject(_ pair: (IndicatorSummary, TargetEntry)) -> TargetJSON {
        let (indicator, entry) = pair
        let record = model.records[entry.record], target = entry.target
        return TargetJSON(
            indicatorId: indicator.id, indicator: indicator.name, name: target.name, issuer: record.issuer, region: record.region,
            record: record.slug, title: record.title, docNo: record.docNo, date: record.date.description,
            comparator: target.comparator.rawValue, target: target.target, targetMax: target.targetMax, unit: target.unit,
            year: target.year, category: target.category, owners: target.owners, note: target.note,
            status: entry.assessment.status.rawValue,
            actual: entry.assessment.actual.map { ReportedJSON(jurisdiction: nil, year: $0.year, value: $0.value, source: $0.source) })
    }

    private func recordObject(_ index: Int) -> RecordJSON {
        let record = model.records[index]
        return RecordJSON(
            slug: record.slug, title: record.title, issuer: record.issuer, date: record.date.description,
            page: PagePath.record(record.slug), topics: record.topics, keywords: record.keywords,
            indicatorCount: record.indicators.count, docNo: record.docNo, indexNo: record.indexNo,
            published: record.published?.description, region: record.region, genre: record.genre,
            disclosure: record.disclosure, scope: record.scope, status: record.status,
            effective: record.effective?.description, expires: record.expires?.description, period: record.period,
            summary: record.summary, source: record.source)
    }
}

// The downloads' JSON shapes; keys are written in snake_case, absent values left out.

struct IndicatorJSON: Encodable {
    var id, name, unit: String
    var names: [String]
    var catalogued: Bool
    var page: String
    var better: String?
    var targets: [TargetJSON]?
    var reportedValues: [ReportedJSON]?
}

struct TargetJSON: Encodable {
    var indicatorId, indicator, name, issuer: String
    var region: String?
    var record, title: String
    var docNo: String?
    var date, comparator: String
    var target: Double
    var targetMax: Double?
    var unit: String
    var year: Int?
    var category: String?
    var owners: [String]
    var note: String?
    var status: String
    var actual: ReportedJSON?
}

struct ReportedJSON: Encodable {
    var jurisdiction: String?
    var year: Int
    var value: Double
    var source: String
}

struct RecordJSON: Encodable {
    var slug, title, issuer, date, page: String
    var topics, keywords: [String]
    var indicatorCount: Int
    var docNo, indexNo, published, region, genre, disclosure, scope, status, effective, expires, period, summary, source: String?
}
