/// The cells an indicator target shows, in one place, so the HTML tables and the CSV/JSON
/// downloads say exactly the same thing.
struct TargetCells {
    let model: SiteModel
    let indicator: IndicatorSummary
    let entry: TargetEntry

    var record: Record { model.records[entry.record] }
    var target: String { entry.target.formattedTarget }
    var year: String { entry.target.year.map(String.init) ?? "" }
    var owners: String { entry.target.owners.joined(separator: "、") }
    var status: AssessmentStatus { entry.assessment.status }

    /// 96.5%（2024年）
    var actual: String {
        guard let value = entry.assessment.actual else { return "" }
        return "\(NumberFormat.plain(value.value))\(indicator.unit)（\(value.year)年）"
    }

    /// The row as a template context.
    var context: [String: Any] {
        var row: [String: Any] = [
            "indicatorName": indicator.name, "indicatorHref": PagePath.indicator(indicator.id),
            "name": entry.target.name, "target": target, "targetNumber": entry.target.formattedNumber, "unit": entry.target.unit, "year": year, "owners": owners,
            "issuer": record.issuer, "region": record.region ?? "", "title": record.title,
            "href": PagePath.record(record.slug),
            "actual": actual, "status": status.rawValue, "statusCode": status.code,
            "renamed": entry.target.name != indicator.name,
        ]
        if let docNo = record.docNo { row["docNo"] = docNo }
        if let note = entry.target.note { row["note"] = note }
        if let source = entry.assessment.actual?.source, !source.isEmpty { row["source"] = source }
        return row
    }
}

extension SiteModel {
    /// Every target of the archive with its indicator, in indicator order then newest record first.
    var allTargets: [(IndicatorSummary, TargetEntry)] {
        indicators.indicators.flatMap { indicator in indicator.entries.map { (indicator, $0) } }
    }

    /// True when any reported value exists: only then do tables show 实际值 and 状态.
    var hasReportedValues: Bool { indicators.indicators.contains { !$0.values.isEmpty } }
}
