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

        var chapterYear: Int?
        var goalChapter = false
        for (index, block) in blocks.enumerated() {
            switch block.kind {
            case .heading(let level):
                let text = stripMarker(block.text)
                if BodyStructure.isAnnexHeading(block.text) { inAnnex = true; annexTitle = nil; chapter = nil; section = nil; continue }
                if inAnnex && level == 3 { annexTitle = block.text; continue }
                if level <= 2 {
                    chapter = lastPhrase(text); section = nil; chapterYear = nil
                    goalChapter = text.contains("目标")
                    continue
                }
                // A heading split from its own item's first sentence ((一)大力发展绿色优质农产品。…) names
                // the item, not a group: in a goals chapter it is the category (质量水平持续提高 → 质量水平).
                let ownsNext = index + 1 < blocks.count && blocks[index + 1].line == block.line
                if goalChapter { section = subjectOfGoal(text) } else if !ownsNext { section = lastPhrase(text) }
            case .paragraph, .item, .subitem:
                var context = IndicatorExtractor.Context(year: chapterYear ?? defaultYear)
                var text = block.text
                if let lead = leadCategory(text) { context.category = subjectOfGoal(lead.category); text = lead.rest }
                else { context.category = section ?? chapter }
                if let r = Responsibilities.find(in: block.text) {
                    context.owners = r.all
                    findings.append(ImportFinding(.found, line: block.line, "责任单位 \(r.all.joined(separator: "、"))"))
                }
                let found = extractor.extract(text, line: block.line, context: context)
                add(found, to: &out)
                // 到2025年，质量整体水平稳步提升…: a goal statement dates the targets that follow in its chapter.
                if found.isEmpty, let m = text.firstMatch(of: IndicatorExtractor.dueYear), let y = Int(m.output[1].substring ?? "") {
                    chapterYear = y
                }
                if found.isEmpty, text.contains("%") {
                    findings.append(ImportFinding(.unread, line: block.line, "a percentage that is not a recognised target"))
                }
            case .table(let rows):
                let year = annexTitle.flatMap { $0.firstMatch(of: titleYear) }.flatMap { Int($0.output[1].substring ?? "") } ?? defaultYear
                // An annex table mostly restates the body's targets: a looser name match counts as a repeat.
                add(TableIndicators.extract(rows, line: block.line, year: year, category: annexTitle.map(stripMarker)), to: &out, similarity: 0.4)
            case .annexList:
                continue
            }
        }
        for i in out { findings.append(ImportFinding(.found, line: i.line, "indicator \(i.name) \(i.formattedTarget)")) }
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

    /// 坚持创新引领，提升产业发展能级 → 提升产业发展能级: the last phrase says what the group is about.
    static func lastPhrase(_ heading: String) -> String {
        let parts = heading.split(whereSeparator: { "，,；;".contains($0) }).map { $0.trimmingPageSpace() }.filter { !$0.isEmpty }
        return parts.last ?? heading
    }

    /// 质量水平实现新提升 → 质量水平: a goal heading's subject, before its predicate.
    static func subjectOfGoal(_ heading: String) -> String {
        let predicates = ["实现", "持续", "有新", "稳步", "不断", "明显", "显著", "保障", "效能", "取得", "迈上", "得到", "更加", "进一步",
                          "全面", "大幅", "再上", "稳中", "逐步"]
        var cut = heading.endIndex
        for p in predicates { if let r = heading.range(of: p), r.lowerBound < cut { cut = r.lowerBound } }
        let subject = String(heading[..<cut])
        return subject.count >= 2 ? subject : heading
    }

    /// The year the plan's targets are due, for the whole document: the end of its 实施时间 or
    /// 工作步骤 (至2025年底; 2018年4月至2018年9月), else the year in its title (2022年…工作要点).
    /// A plan without either gets years only where its text states them.
    static func documentYear(blocks: [BodyBlock], layout: NoticeLayout) -> Int? {
        var inSchedule = false
        var latest: Int?
        for block in blocks {
            if case .heading(let level) = block.kind, level <= 2 {
                if latest != nil { break }
                inSchedule = ["实施时间", "实施期限", "时间安排", "工作步骤", "实施步骤", "进度安排", "实施时限", "工作时限"].contains { block.text.contains($0) }
                continue
            }
            guard inSchedule else { continue }
            for m in block.text.matches(of: titleYear) { if let y = Int(m.output[1].substring ?? "") { latest = max(latest ?? y, y) } }
        }
        if let latest { return latest }
        for title in [layout.planTitle?.trimmed, layout.title].compactMap({ $0 }) {
            if let m = title.firstMatch(of: titleYear), let y = Int(m.output[1].substring ?? "") { return y }
        }
        return nil
    }

    nonisolated(unsafe) private static let titleRange = try! Regex(#"[（(]([0-9]{4})[ ]?年?[ ]?[-—–~～至到][ ]?([0-9]{4})[ ]?年?[）)]"#)
    nonisolated(unsafe) private static let leadingYear = try! Regex(#"^([0-9]{4})[ ]?年度?"#)
    nonisolated(unsafe) private static let untilYear = try! Regex(#"至([0-9]{4})[ ]?年(?:底|末)?"#)

    /// 实施期限 where the page states it: a title's (2024—2026年); an annual plan's 2022年…工作要点;
    /// a 实施时间 section "自…起至2025年底" (from the 成文日期's year).
    static func period(blocks: [BodyBlock], layout: NoticeLayout, date: CalendarDate) -> (text: String, line: Int)? {
        let titles = [(layout.planTitle?.trimmed, layout.planTitle?.number), (layout.title, layout.titleLine)]
        for case let (title?, line?) in titles {
            if let m = title.firstMatch(of: titleRange), let a = m.output[1].substring, let b = m.output[2].substring { return ("\(a)–\(b)", line) }
        }
        for case let (title?, line?) in titles {
            let plain = title.trimmingCharacters(in: .init(charactersIn: "《》“”\"")).replacingOccurrences(of: "关于印发", with: "")
            let inner = plain.range(of: "《").map { String(plain[$0.upperBound...]) } ?? plain
            if let m = inner.prefixMatch(of: leadingYear), let y = m.output[1].substring { return (String(y), line) }
        }
        var inSchedule = false
        for block in blocks {
            if case .heading(let level) = block.kind, level <= 2 {
                inSchedule = ["实施时间", "实施期限", "实施时限"].contains { block.text.contains($0) }
                continue
            }
            if inSchedule, let m = block.text.firstMatch(of: untilYear), let y = Int(m.output[1].substring ?? ""), y > date.year {
                return ("\(date.year)–\(y)", block.line)
            }
        }
        return nil
    }

    private static func isTable(_ block: BodyBlock) -> Bool { if case .table = block.kind { return true }; return false }
}
