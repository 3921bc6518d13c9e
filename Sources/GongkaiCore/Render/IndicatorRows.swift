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
        var row = TemplateObject(capacity: 20)
        row.add("indicatorName", .string(indicator.name))
        row.add("indicatorHref", .string(PagePath.indicator(indicator.id)))
        row.add("name", .string(entry.target.name))
        row.add("target", .string(number + entry.target.unit))
        row.add("targetNumber", .string(number))
        row.add("unit", .string(entry.target.unit))
        row.add("year", .string(year))
        row.add("owners", .string(owners))
        row.add("issuer", .string(record.issuer))
        row.add("region", .string(record.region ?? ""))
        row.add("title", .string(record.title))
        row.add("href", .string(PagePath.record(record.slug)))
        row.add("actual", .string(actual))
        row.add("status", .string(status.rawValue))
        row.add("statusCode", .string(status.code))
        row.add("renamed", .bool(entry.target.name != indicator.name))
        row.add("docNo", .optional(record.docNo))
        row.add("note", .optional(entry.target.note))
        row.add("source", source?.isEmpty == false ? .optional(source) : nil)
        return .object(row)
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
