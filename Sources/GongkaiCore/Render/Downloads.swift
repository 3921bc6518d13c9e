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
        case .indicatorsJSON: try JSONWriter.writeArrayDocument(model.allTargets, to: &blocks) { writeTarget($1, to: &$0) }
        case let .indicatorCSV(index): try csv(targets(of: index), to: &blocks)
        case let .indicatorJSON(index):
            blocks.bytes += JSONWriter.document { writeIndicator(model.indicators.indicators[index], targets: nil, to: &$0) }
        case .records: try JSONWriter.writeArrayDocument(model.records.indices, to: &blocks) { writeRecord($1, to: &$0) }
        }
    }

    private func targets(of index: Int) -> [(IndicatorSummary, TargetEntry)] {
        let indicator = model.indicators.indicators[index]
        return indicator.entries.map { (indicator, $0) }
    }

    private func csv(_ targets: some Sequence<(IndicatorSummary, TargetEntry)>, to blocks: inout OutputBlocks) throws {
        CSVTable.start(Self.csvHeader, in: &blocks.bytes)
        for (indicator, entry) in targets {
            csvRow(indicator, entry, to: &blocks.bytes)
            try blocks.flushIfFull()
        }
    }

    private func csvRow(_ indicator: IndicatorSummary, _ entry: TargetEntry, to bytes: inout [UInt8]) {
        let cells = TargetCells(model: model, indicator: indicator, entry: entry)
        let target = entry.target, actual = entry.assessment.actual
        CSVTable.appendRow([
            indicator.id, indicator.name, target.name, cells.record.issuer, cells.record.region ?? "", cells.record.title,
            cells.record.docNo ?? "", cells.record.date.description, target.comparator.rawValue, NumberFormat.plain(target.target),
            target.targetMax.map(NumberFormat.plain) ?? "", target.unit, cells.year, target.category ?? "", cells.owners,
            target.note ?? "", actual.map { NumberFormat.plain($0.value) } ?? "", actual.map { String($0.year) } ?? "",
            cells.status.rawValue, actual?.source ?? "",
        ], to: &bytes)
    }

    /// The whole archive's table (`indicatorsCSV` or `indicatorsJSON`) into `blocks`, and with
    /// it each indicator's own file of the same format, handed to `companion` as it is made:
    /// an indicator's rows are the same in both, so they are made once, not twice.
    func writeWithCompanions(_ download: Download, to blocks: inout OutputBlocks,
                             companion: (Download, [UInt8]) throws -> Void) throws {
        let indicators = model.indicators.indicators
        switch download {
        case .indicatorsCSV:
            CSVTable.start(Self.csvHeader, in: &blocks.bytes)
            for (index, indicator) in indicators.enumerated() {
                var file: [UInt8] = []
                CSVTable.start(Self.csvHeader, in: &file)
                let header = file.count
                for entry in indicator.entries { csvRow(indicator, entry, to: &file) }
                blocks.bytes += file[header...]
                try blocks.flushIfFull()
                try companion(.indicatorCSV(index), file)
            }
        case .indicatorsJSON:
            // As `JSONWriter.writeArrayDocument` lays an array out.
            blocks.bytes += "[\n".utf8
            var first = true
            for (index, indicator) in indicators.enumerated() {
                let elements = indicator.entries.map { entry in
                    var element: [UInt8] = []
                    JSONWriter.write(into: &element, depth: 1) { writeTarget((indicator, entry), to: &$0) }
                    return element
                }
                for element in elements {
                    blocks.bytes += (first ? "  " : ",\n  ").utf8
                    blocks.bytes += element
                    first = false
                }
                try blocks.flushIfFull()
                try companion(.indicatorJSON(index), JSONWriter.document { writeIndicator(indicator, targets: elements, to: &$0) })
            }
            blocks.bytes += "\n]\n".utf8
        default:
            try write(download, to: &blocks)
        }
    }

    // The JSON shapes: keys in snake_case and in sorted order, absent values left out.

    /// `targets`: the targets as the whole archive's JSON wrote them, one level less deep.
    private func writeIndicator(_ indicator: IndicatorSummary, targets: [[UInt8]]?, to json: inout JSONWriter) {
        json.beginObject()
        json.member("better", indicator.better?.rawValue)
        json.member("catalogued", bool: indicator.catalogued)
        json.member("id", indicator.id)
        json.member("name", indicator.name)
        json.member("names", strings: indicator.names)
        json.member("page", PagePath.indicator(indicator.id))
        json.key("reported_values")
        json.beginArray()
        for value in indicator.values {
            json.element()
            writeReported(jurisdiction: value.jurisdiction, year: value.year, value: value.value, source: value.source, to: &json)
        }
        json.endArray()
        json.key("targets")
        json.beginArray()
        if let targets {
            for target in targets { json.element(preformatted: target) }
        } else {
            for entry in indicator.entries {
                json.element()
                writeTarget((indicator, entry), to: &json)
            }
        }
        json.endArray()
        json.member("unit", indicator.unit)
        json.endObject()
    }

    private func writeTarget(_ pair: (IndicatorSummary, TargetEntry), to json: inout JSONWriter) {
        let (indicator, entry) = pair
        let record = model.records[entry.record], target = entry.target
        json.beginObject()
        if let actual = entry.assessment.actual {
            json.key("actual")
            writeReported(jurisdiction: nil, year: actual.year, value: actual.value, source: actual.source, to: &json)
        }
        json.member("category", target.category)
        json.member("comparator", target.comparator.rawValue)
        json.member("date", record.date.description)
        json.member("doc_no", record.docNo)
        json.member("indicator", indicator.name)
        json.member("indicator_id", indicator.id)
        json.member("issuer", record.issuer)
        json.member("name", target.name)
        json.member("note", target.note)
        json.member("owners", strings: target.owners)
        json.member("record", record.slug)
        json.member("region", record.region)
        json.member("status", entry.assessment.status.rawValue)
        json.member("target", number: target.target)
        json.member("target_max", number: target.targetMax)
        json.member("title", record.title)
        json.member("unit", target.unit)
        json.member("year", int: target.year)
        json.endObject()
    }

    private func writeReported(jurisdiction: String?, year: Int, value: Double, source: String, to json: inout JSONWriter) {
        json.beginObject()
        json.member("jurisdiction", jurisdiction)
        json.member("source", source)
        json.member("value", number: value)
        json.member("year", int: year)
        json.endObject()
    }

    private func writeRecord(_ index: Int, to json: inout JSONWriter) {
        let record = model.records[index]
        json.beginObject()
        json.member("date", record.date.description)
        json.member("disclosure", record.disclosure)
        json.member("doc_no", record.docNo)
        json.member("effective", record.effective?.description)
        json.member("expires", record.expires?.description)
        json.member("genre", record.genre)
        json.member("index_no", record.indexNo)
        json.member("indicator_count", int: record.indicators.count)
        json.member("issuer", record.issuer)
        json.member("keywords", strings: record.keywords)
        json.member("page", PagePath.record(record.slug))
        json.member("period", record.period)
        json.member("published", record.published?.description)
        json.member("region", record.region)
        json.member("scope", record.scope)
        json.member("slug", record.slug)
        json.member("source", record.source)
        json.member("status", record.status)
        json.member("summary", record.summary)
        json.member("title", record.title)
        json.member("topics", strings: record.topics)
        json.endObject()
    }
}
