import CSV
import Foundation

/// One reported (actual) value of an indicator: a row of `Content/data/*.csv`.
public struct ReportedValue: Sendable, Hashable {
    public var indicatorID: String
    /// The issuer or region the value is for (射阳县人民政府, 江苏省盐城市射阳县).
    public var jurisdiction: String
    public var year: Int
    public var value: Double
    public var source: String
    /// File and line, for messages.
    public var path: String
    public var line: Int
}

/// Reads the reported-values files: columns `indicator`, `jurisdiction`, `year`, `value`,
/// `source`, with a header row (Chinese headers 指标, 地区/发布机构, 年份, 实际值, 来源 work too).
public enum ReportedValuesReader {
    static let columns: [String: [String]] = [
        "indicator": ["indicator", "indicator_id", "id", "指标"],
        "jurisdiction": ["jurisdiction", "issuer", "region", "地区", "发布机构"],
        "year": ["year", "年份"],
        "value": ["value", "actual", "实际值"],
        "source": ["source", "来源"],
    ]

    public static func read(_ text: String, path: String) throws -> [ReportedValue] {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true) } catch {
            throw Diagnostic(path: path, message: "unreadable CSV: \(error)")
        }
        let header = reader.headerRow ?? []
        var position: [String: Int] = [:]
        for (column, names) in columns {
            guard let index = header.firstIndex(where: { names.contains($0) }) else {
                throw Diagnostic(path: path, message: "missing column '\(column)' (the header needs indicator, jurisdiction, year, value, source)")
            }
            position[column] = index
        }
        var values: [ReportedValue] = []
        var line = 1
        while let row = reader.next() {
            line += 1
            if row.allSatisfy({ $0.isEmpty }) { continue }
            func field(_ column: String) -> String { let i = position[column]!; return i < row.count ? row[i] : "" }
            guard row.count == header.count else {
                throw Diagnostic(path: path, line: line, message: "row has \(row.count) fields, the header has \(header.count)")
            }
            guard !field("indicator").isEmpty, !field("jurisdiction").isEmpty else {
                throw Diagnostic(path: path, line: line, message: "indicator and jurisdiction must not be empty")
            }
            guard let year = Int(field("year")), (1000...9999).contains(year) else {
                throw Diagnostic(path: path, line: line, message: "year must be a four-digit year, not '\(field("year"))'")
            }
            guard let value = Double(field("value")), value.isFinite else {
                throw Diagnostic(path: path, line: line, message: "value must be a number, not '\(field("value"))'")
            }
            values.append(ReportedValue(indicatorID: field("indicator"), jurisdiction: field("jurisdiction"), year: year,
                                        value: value, source: field("source"), path: path, line: line))
        }
        if let error = reader.error { throw Diagnostic(path: path, line: line + 1, message: "malformed CSV: \(error)") }
        return values
    }
}
