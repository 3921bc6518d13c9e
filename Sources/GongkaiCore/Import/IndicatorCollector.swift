/// Walks the structured body keeping the context an indicator inherits: the target year, the
/// category heading it sits under, and the units responsible for its item.
enum IndicatorCollector {
    nonisolated(unsafe) private static let titleYear = try! Regex(#"([0-9]{4})[ ]?年"#)

    static func collect(blocks: [BodyBlock], layout: NoticeLayout, findings: inout [ImportFinding]) -> [IndicatorTarget] {
        let defaultYear = documentYear(blocks: blocks, layout: layout)
        let extractor = IndicatorExtractor()
        var chapter: String?
        var section: String?
        var annexTitle: String?
        var inAnnex = false
        var out: [IndicatorTarget] = []

        for block in blocks {
            switch block.kind {
            case .heading(let level):
                let text = stripMarker(block.text)
                if BodyStructure.isAnnexHeading(block.text) { inAnnex = true; annexTitle = nil; chapter = nil; section = nil; continue }
                if inAnnex && level == 3 { annexTitle = block.text; continue }
                if level <= 2 { chapter = text; section = nil } else { section = text }
                // A heading that carries a target by itself (rare) is read like a paragraph.
                add(extractor.extract(block.text, line: block.line, context: .init(year: defaultYear, category: section ?? chapter)), to: &out)
            case .paragraph, .item, .subitem:
                var context = IndicatorExtractor.Context(year: defaultYear)
                var text = block.text
                if let lead = leadCategory(text) { context.category = lead.category; text = lead.rest }
                else { context.category = section ?? chapter }
                if let r = Responsibilities.find(in: block.text) {
                    context.owners = r.all
                    findings.append(ImportFinding(.found, line: block.line, "责任单位 \(r.all.joined(separator: "、"))"))
                }
                let found = extractor.extract(text, line: block.line, context: context)
                add(found, to: &out)
                if found.isEmpty, text.contains("%") {
                    findings.append(ImportFinding(.unread, line: block.line, "a percentage that is not a recognised target", ))
                }
            case .table(let rows):
                let year = annexTitle.flatMap { $0.firstMatch(of: titleYear) }.flatMap { Int($0.output[1].substring ?? "") } ?? defaultYear
                // An annex table mostly restates the body's targets: a looser name match counts as a repeat.
                add(TableIndicators.extract(rows, line: block.line, year: year, category: annexTitle.map(stripMarker)), to: &out, similarity: 0.4)
            case .annexList:
                continue
            }
        }
        for i in out { findings.append(ImportFinding(.found, line: i.line, "indicator \(i.name) \(i.comparator.rawValue) \(i.formattedTarget)")) }
        return out
    }

    /// Adds targets, skipping one already listed (same numbers, same name): plans repeat their
    /// goals in the tasks and in annex tables.
    static func add(_ new: [IndicatorTarget], to list: inout [IndicatorTarget], similarity: Double = 0.75) {
        for item in new {
            // Only a repeat elsewhere in the document: two targets of one sentence are never the same.
            if let k = list.firstIndex(where: { $0.line != item.line && $0.comparator == item.comparator && $0.target == item.target
                && $0.targetMax == item.targetMax && $0.unit == item.unit && NameSimilarity.score($0.name, item.name) >= similarity }) {
                if list[k].owners.isEmpty { list[k].owners = item.owners }
                continue
            }
            list.append(item)
        }
    }

    /// ——质量水平实现新提升。… or 产品质量：… — a paragraph that names its own category.
    static func leadCategory(_ text: String) -> (category: String, rest: String)? {
        let folded = Fold.halfWidth(text)
        if folded.hasPrefix("——") {
            let body = text.dropFirst(2)
            guard let stop = body.firstIndex(where: { "。:：".contains($0) }) else { return nil }
            return (String(body[..<stop]), String(body[body.index(after: stop)...]))
        }
        if let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }), text.distance(from: text.startIndex, to: colon) <= 10 {
            let head = String(text[..<colon])
            if head.hanCount >= 2, !head.contains(where: { "，,、".contains($0) }) { return (head, String(text[text.index(after: colon)...])) }
        }
        return nil
    }

    static func stripMarker(_ text: String) -> String {
        var t = text
        if let m = HeadingMarker.parse(t) { t = m.rest }
        return t.trimmingCharacters(in: .init(charactersIn: "。：: "))
    }

    /// The year the plan's targets are due: its 实施时间 (至2025年底), its first 到2025年, or the
    /// year in its title (2022年…工作要点).
    static func documentYear(blocks: [BodyBlock], layout: NoticeLayout) -> Int? {
        for block in blocks where !isTable(block) {
            if let m = block.text.firstMatch(of: IndicatorExtractor.yearRange), let y = Int(m.output[2].substring ?? ""),
               block.text.contains("实施") || block.text.contains("期限") { return y }
            if let m = block.text.firstMatch(of: IndicatorExtractor.dueYear), let y = Int(m.output[1].substring ?? "") { return y }
        }
        for title in [layout.planTitle?.trimmed, layout.title].compactMap({ $0 }) {
            if let m = title.firstMatch(of: titleYear), let y = Int(m.output[1].substring ?? "") { return y }
        }
        return nil
    }

    private static func isTable(_ block: BodyBlock) -> Bool { if case .table = block.kind { return true }; return false }
}
