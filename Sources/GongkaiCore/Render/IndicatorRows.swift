/// The cells an indicator target shows, in one place, so the HTML tables and the CSV/JSON
/// downloads say exactly the same thing.
struct TargetCells {
    let indicator: IndicatorSummary
    let entry: TargetEntry
    /// The record that sets the target, copied once: each copy of a `Record` retains its
    /// twenty-odd strings, and rows are made 120,000 times at 10,000 records.
    let record: Record

    init(model: SiteModel, indicator: IndicatorSummary, entry: TargetEntry) {
        self.indicator = indicator
        self.entry = entry
        record = model.records[entry.record]
    }

    var year: String { entry.target.year.map(String.init) ?? "" }
    var owners: String { entry.target.owners.joined(separator: "、") }
    var status: AssessmentStatus { entry.assessment.status }

    /// 96.5%（2024年）
    var actual: String {
        guard let value = entry.assessment.actual else { return "" }
        return "\(NumberFormat.plain(value.value))\(indicator.unit)（\(value.year)年）"
    }

    /// The row as a template context.
    var context: TemplateValue {
        let source = entry.assessment.actual?.source
        let number = entry.target.formattedNumber
        return [
            "indicatorName": .string(indicator.name), "indicatorHref": .string(PagePath.indicator(indicator.id)),
            "name": .string(entry.target.name), "target": .string(number + entry.target.unit), "targetNumber": .string(number),
            "unit": .string(entry.target.unit), "year": .string(year), "owners": .string(owners),
            "issuer": .string(record.issuer), "region": .string(record.region ?? ""), "title": .string(record.title),
            "href": .string(PagePath.record(record.slug)),
            "actual": .string(actual), "status": .string(status.rawValue), "statusCode": .string(status.code),
            "renamed": .bool(entry.target.name != indicator.name),
            "docNo": .optional(record.docNo), "note": .optional(entry.target.note),
            "source": source?.isEmpty == false ? .optional(source) : nil,
        ]
    }
}

extension SiteModel {
    /// Every target of the archive with its indicator, in indicator order then newest record first.
    /// Made as they are read, not held: 400,000 at 100,000 records.
    var allTargets: some Sequence<(IndicatorSummary, TargetEntry)> {
        indicators.indicators.lazy.flatMap { indicator in indicator.entries.lazy.map { (indicator, $0) } }
    }

    /// True when any reported value exists: only then do tables show 实际值 and 状态.
    var hasReportedValues: Bool { indicators.indicators.contains { !$0.values.isEmpty } }
}
