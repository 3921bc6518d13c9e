import Foundation

/// Turns one raw notice page (plain text or HTML, UTF-8 or GB18030/GBK) into a policy record.
///
/// The steps, each in its own file: decode bytes (TextDecoding) → HTML to lines (HTMLText) →
/// metadata block (MetadataHeader) → page chrome (ChromeFilter) → notice layout: title, 文号,
/// 主送, signature, cover letter and plan (NoticeLayout) → body structure (BodyStructure,
/// PipeTable) → responsibilities and indicators (Responsibilities, IndicatorExtractor,
/// TableIndicators) → the record file (RecordEmitter).
public struct NoticeImporter: Sendable {
    public init() {}

    public func importNotice(data: Data, path: String) throws -> ImportResult {
        let decoded = try TextDecoding.decode(data, path: path)
        var findings: [ImportFinding] = []
        let isHTML = HTMLText.looksLikeHTML(decoded.text)
        findings.append(ImportFinding(.note, line: 0, "read as \(isHTML ? "HTML" : "plain text") in \(decoded.encoding)"))
        let rawLines: [SourceLine] = isHTML ? HTMLText.lines(decoded.text) : Self.plainLines(decoded.text)

        var metadata = MetadataHeader.parse(rawLines)
        let chrome = ChromeFilter.filter(rawLines.filter { !metadata.consumed.contains($0.number) })
        if !chrome.removed.isEmpty {
            let numbers = chrome.removed.map { String($0.number) }
            findings.append(ImportFinding(.note, line: chrome.removed[0].number,
                                          "removed \(chrome.removed.count) lines of page chrome (lines \(Self.compactRanges(chrome.removed.map(\.number))))"))
            _ = numbers
        }
        let layout = try NoticeLayout.analyse(chrome.lines, metadata: metadata, path: path)
        MetadataHeader.classifyUnlabelled(layout.preamble.filter { !NoticeLayout.isMasthead($0.trimmed) && DocNumber.first(in: $0.trimmed) == nil },
                                          title: layout.title, into: &metadata)

        findings += metadata.findings
        let blocks = BodyStructure.blocks(layout.body)
        var fields = try RecordFields.assemble(metadata: metadata, layout: layout, chromePublished: chrome.published, path: path, findings: &findings)
        let indicators = IndicatorCollector.collect(blocks: blocks, layout: layout, findings: &findings)
        fields.indicators = indicators
        if let period = IndicatorCollector.period(blocks: blocks, layout: layout, date: fields.date) {
            fields.period = period.text
            findings.append(ImportFinding(.found, line: period.line, "实施期限 \(period.text)"))
        }
        findings.append(ImportFinding(.found, line: 0, "\(indicators.count) indicators, \(blocks.filter { if case .heading = $0.kind { return true }; return false }.count) headings, \(blocks.filter { if case .table = $0.kind { return true }; return false }.count) tables"))

        let body = RecordEmitter.body(layout: layout, blocks: blocks)
        let text = RecordEmitter.frontMatter(fields) + "\n" + body
        findings.sort { ($0.line == 0 ? Int.max : $0.line) < ($1.line == 0 ? Int.max : $1.line) }
        return ImportResult(recordText: text, slug: fields.slug, findings: findings, encoding: decoded.encoding, indicatorCount: indicators.count)
    }

    static func plainLines(_ text: String) -> [SourceLine] {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        return normalised.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map {
            SourceLine(number: $0.offset + 1, text: String($0.element))
        }
    }

    static func compactRanges(_ numbers: [Int]) -> String {
        var parts: [String] = []
        var start: Int?, last: Int?
        for n in Set(numbers).sorted() {
            if let l = last, n == l + 1 { last = n; continue }
            if let s = start, let l = last { parts.append(s == l ? "\(s)" : "\(s)–\(l)") }
            start = n; last = n
        }
        if let s = start, let l = last { parts.append(s == l ? "\(s)" : "\(s)–\(l)") }
        return parts.joined(separator: ", ")
    }
}
