import Foundation

/// Reads the body rows of an HTML table as plain-text cells, the way a reader sees them.
enum HTMLTable {
    /// Rows of the first `<table>` whose opening tag contains `marker` (e.g. a class name).
    static func rows(in html: String, marker: String) -> [[String]] {
        guard let open = html.range(of: "<table class=\"\(marker)\">"),
              let close = html.range(of: "</table>", range: open.upperBound..<html.endIndex),
              let body = html.range(of: "<tbody>", range: open.upperBound..<close.lowerBound) else { return [] }
        let table = String(html[body.upperBound..<close.lowerBound])
        let cell = try! NSRegularExpression(pattern: #"<t[hd][^>]*>(.*?)</t[hd]>"#)
        return table.components(separatedBy: "</tr>").compactMap { row in
            let range = NSRange(row.startIndex..., in: row)
            let cells = cell.matches(in: row, range: range).map { plain(String(row[Range($0.range(at: 1), in: row)!])) }
            return cells.isEmpty ? nil : cells
        }
    }

    /// Text without tags, with the basic entities decoded.
    static func plain(_ html: String) -> String {
        html.replacingOccurrences(of: #"<[^>]+>"#, with: "", options: .regularExpression)
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }
}
