/// The parts of a notice as GB/T 9704 lays them out: 版头 (…文件), 发文字号, 标题, 主送机关
/// (a line ending in ：), 正文, 发文机关署名 and 成文日期, 附注 in parentheses; then, for a
/// 印发 notice, the attached plan with its own title.
struct NoticeLayout: Sendable {
    var title: String
    var titleLine: Int
    var docNo: (text: String, line: Int)?
    /// Lines above the title: 版头, repeated metadata without labels.
    var preamble: [SourceLine] = []
    var addressee: SourceLine?
    /// The cover letter's paragraphs (between 主送 and the signature) when a plan follows.
    var letter: [SourceLine] = []
    var signatureIssuer: (text: String, line: Int)?
    var signatureDate: (date: CalendarDate, line: Int)?
    /// 附注 such as (此件公开发布).
    var notes: [SourceLine] = []
    var planTitle: SourceLine?
    /// The document body: the attached plan, or the notice text itself.
    var body: [SourceLine] = []
    /// True when the signature comes after the body (a notice with no attached plan).
    var signatureAtEnd = false

    static let titleSuffixes = ["通知", "意见", "方案", "要点", "计划", "决定", "通告", "公告", "通报", "报告", "请示", "批复",
                                "函", "纪要", "决议", "规划", "办法", "规定", "细则", "条例", "规则", "命令", "公报", "要求", "措施", "指引"]

    static func isTitleLike(_ text: String) -> Bool {
        let t = text.trimmingCharacters(in: .init(charactersIn: "》」”\" "))
        guard t.count >= 4, t.count <= 120, !t.contains("。"), !HeadingMarker.startsWithMarker(t) else { return false }
        return titleSuffixes.contains { t.hasSuffix($0) }
    }

    static func isAddressee(_ text: String) -> Bool {
        let t = Fold.halfWidth(text)
        guard t.hasSuffix(":"), t.count >= 3, t.count <= 300, !t.contains("。"), t.hanCount >= 2 else { return false }
        if HeadingMarker.startsWithMarker(t) || t.hasPrefix("附件") || t.hasPrefix("——") { return false }
        // A label like 责任单位: or 联系人: is not an addressee; 各乡镇人民政府: is.
        if t.count <= 10, !t.contains("、"), !t.contains(",") {
            let name = String(t.dropLast())
            return t.hasPrefix("各") || (Organisation.looksLikeName(name) && !["责任单位", "责任部门", "牵头单位", "配合单位", "联系单位"].contains(name))
        }
        return true
    }

    static func isMasthead(_ text: String) -> Bool {
        let t = text.trimmingPageSpace()
        return t.hasSuffix("文件") && t.count <= 30 && !t.contains("，") && !t.contains(",") && !t.contains("。")
    }

    static func analyse(_ all: [SourceLine], metadata: PageMetadata, path: String) throws -> NoticeLayout {
        let lines = all.filter { !metadata.consumed.contains($0.number) }
        let nonBlank = lines.indices.filter { !lines[$0].isBlank }
        var docNo: (String, Int)?

        // 主送机关: the first line ending in a colon before the body starts.
        let addresseeIndex = nonBlank.prefix(40).first { isAddressee(lines[$0].trimmed) }

        var titleRange: ClosedRange<Int>?
        if let a = addresseeIndex {
            var collected: [Int] = []
            var i = a - 1
            while i >= 0 {
                let t = lines[i].trimmed
                if t.isEmpty { if collected.isEmpty { i -= 1; continue } else { break } }
                if let number = DocNumber.standalone(t) {
                    if docNo == nil { docNo = (number, lines[i].number) }
                    if collected.isEmpty { i -= 1; continue } else { break }
                }
                if isMasthead(t) || t.contains("。") || DocNumber.first(in: t) != nil || collected.count >= 4 { break }
                if DocDate.standalone(t) != nil || MetadataHeader.isIndexNumber(t) { break }
                collected.append(i)
                i -= 1
            }
            if let first = collected.last, let last = collected.first {
                let joined = collected.reversed().map { lines[$0].trimmed }.joined()
                if isTitleLike(joined) || joined.contains("关于") { titleRange = first...last }
                else if isTitleLike(lines[last].trimmed) { titleRange = last...last }
            }
        }
        if titleRange == nil {
            // No 主送机关 (a plan published on its own): the first title-like line, with the
            // lines it continues when a long title is broken.
            for idx in nonBlank.prefix(40) where isTitleLike(lines[idx].trimmed) {
                var start = idx
                while start > 0, !lines[start - 1].isBlank, start > idx - 2 {
                    let t = lines[start - 1].trimmed
                    if t.contains(where: { "。，,；;：:".contains($0) }) || isMasthead(t) || DocNumber.first(in: t) != nil
                        || DocDate.standalone(t) != nil || isTitleLike(t) || t.count > 40 { break }
                    start -= 1
                }
                titleRange = start...idx
                break
            }
        }
        var title: String
        var titleLine: Int
        if let r = titleRange {
            title = lines[r].map(\.trimmed).joined()
            titleLine = lines[r.lowerBound].number
        } else if let meta = metadata[.title], !meta.text.hasSuffix("..."), !meta.text.hasSuffix("…"), isTitleLike(meta.text) {
            title = meta.text
            titleLine = meta.line
        } else {
            throw Diagnostic(path: path, message: "no document title found (a line ending in 通知/意见/方案/要点/计划…): not a notice page")
        }
        title = title.replacingOccurrences(of: "  ", with: " ")
        var layout = NoticeLayout(title: title, titleLine: titleLine)

        let titleEnd = titleRange?.upperBound ?? -1
        if let r = titleRange { layout.preamble = Array(lines[..<r.lowerBound]) }
        for line in layout.preamble where docNo == nil {
            if let found = DocNumber.first(in: line.trimmed) { docNo = (found.docNo, line.number) }
        }
        // The 发文字号 may also sit between title and 主送机关.
        if docNo == nil, let a = addresseeIndex, titleEnd + 1 < a {
            for line in lines[(titleEnd + 1)..<a] { if let n = DocNumber.standalone(line.trimmed) { docNo = (n, line.number); break } }
        }
        layout.docNo = docNo

        var cursor = titleEnd + 1
        if let a = addresseeIndex, a > titleEnd {
            layout.addressee = lines[a]
            cursor = a + 1
        }
        // 成文日期: the first line that is only a date; the 署名 is the line above it.
        var dateIndex: Int?
        for i in cursor..<lines.count where DocDate.standalone(lines[i].trimmed) != nil {
            // Skip lines that are not a signature date (e.g. an annex table cell): a signature date
            // follows prose or an organisation name.
            dateIndex = i
            break
        }
        guard let d = dateIndex else {
            layout.body = Array(lines[min(cursor, lines.count)...])
            return layout
        }
        layout.signatureDate = (DocDate.standalone(lines[d].trimmed)!, lines[d].number)
        var letterEnd = d
        if let above = (cursor..<d).last(where: { !lines[$0].isBlank }), Organisation.looksLikeName(lines[above].trimmed) {
            layout.signatureIssuer = (lines[above].trimmed, lines[above].number)
            letterEnd = above
        }
        var after = d + 1
        while after < lines.count {
            let t = Fold.halfWidth(lines[after].trimmed)
            if t.isEmpty { after += 1; continue }
            if t.hasPrefix("("), t.hasSuffix(")"), t.count <= 30 { layout.notes.append(lines[after]); after += 1; continue }
            break
        }
        let rest = Array(lines[after...])
        let letter = Array(lines[cursor..<letterEnd])
        if let first = rest.first(where: { !$0.isBlank }), first.trimmed.count <= 60, !first.trimmed.contains("。"),
           !HeadingMarker.startsWithMarker(first.trimmed), !first.trimmed.hasPrefix("附件") {
            layout.letter = letter
            layout.planTitle = first
            layout.body = Array(rest.drop { $0.number <= first.number })
        } else if rest.contains(where: { !$0.isBlank }) {
            layout.letter = letter
            layout.body = rest
        } else {
            layout.body = letter
            layout.signatureAtEnd = true
        }
        return layout
    }
}
