import Foundation

/// Small readers over generated HTML, for assertions. Tests read the output as a person's
/// browser would see it: links, list items, text.
enum HTMLScan {
    /// Every `href`/`src` value in the page.
    static func links(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"(?:href|src)="([^"]*)""#)
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    /// The record slugs a list page links to inside its `record-list`.
    static func listedRecords(in html: String) -> [String] {
        guard let start = html.range(of: "<ol class=\"record-list\">"),
              let end = html.range(of: "</ol>", range: start.upperBound..<html.endIndex) else { return [] }
        return links(in: String(html[start.upperBound..<end.lowerBound])).compactMap { href in
            guard let name = href.split(separator: "/").last, name.hasSuffix(".html") else { return nil }
            return String(name.dropLast(5))
        }
    }

    /// Whether `link`, found in the page at `pagePath`, names an existing file of the site.
    static func resolves(_ link: String, from pagePath: String, in files: Set<String>) -> Bool {
        var target = link
        if let hash = target.firstIndex(of: "#") { target = String(target[..<hash]) }
        if target.isEmpty { return true }
        var parts = pagePath.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case "..": if parts.popLast() == nil { return false }
            case ".", "": continue
            default: parts.append(String(part))
            }
        }
        return files.contains(parts.joined(separator: "/"))
    }
}
