/// Finds the quantitative targets in a paragraph of a plan: a subject, a cue (达到/不低于/以上,
/// 控制在/以下, 下降…), a number and a unit. Dates, document numbers, section numbers, quoted
/// names and enumerations (等5个) are not targets.
struct IndicatorExtractor: Sendable {
    struct Context: Sendable {
        var year: Int?
        var category: String?
        var owners: [String] = []
    }

    /// Measure words a target may carry; longer ones first. Per-unit rates (7批次/千人) add "/…".
    static let units = [
        "平方米", "平方公里", "公顷", "公里", "千米", "批次", "人次", "户次", "万元", "亿元", "万人", "个百分点", "百分点",
        "个", "项", "家", "件", "张", "分", "次", "人", "户", "条", "亩", "吨", "台", "套", "座", "所", "名", "类", "批",
        "级", "篇", "部", "款", "场", "期", "处", "辆", "起", "例", "份", "本", "种", "位", "床", "株", "棵", "元", "倍", "天", "支", "队", "块",
    ]
    static let atLeastCues = ["不低于", "不少于", "不小于", "至少", "超过", "高于", "大于", "达到", "提高到", "提升到", "增加到", "增至", "突破", "逾", "达"]
    static let atMostCues = ["不高于", "不超过", "不大于", "控制在", "低于", "少于", "小于", "降至", "降到", "下降到", "压减到"]
    static let decreaseCues = ["下降", "降低", "减少", "压减"]
    static let increaseCues = ["增长", "增加", "提高", "提升", "增幅"]
    /// Verbs that open a count target: 新增…5家, 建成2个…
    static let actionVerbs = ["新增", "新建", "建成", "培育", "创建", "完成", "实施", "组织", "支持", "推荐", "帮助", "培训", "培养",
                              "遴选", "认定", "设立", "新辟", "获得", "建立", "引导", "争创", "争取", "打造", "评选出", "入选", "开展",
                              "改造", "建设", "增建", "新创", "创", "制修订", "制定", "申报", "达标", "拥有", "服务", "诊断"]

    nonisolated(unsafe) static let quantity: Regex<AnyRegexOutput> = {
        let unitAlternatives = units.joined(separator: "|")
        return try! Regex(#"(\d+(?:\.\d+)?)(?:[ ]?(?:-|~|～|—|–|至|到)[ ]?(\d+(?:\.\d+)?))?[ ]?(%|‰|(?:万|亿|千)?(?:"# + unitAlternatives + #")(?:/(?:千|万|百|十)?[\p{Han}]{1,2}(?![\p{Han}]))?)"#)
    }()
    nonisolated(unsafe) static let dueYear = try! Regex(#"(?:到|至|截至|截止到?|力争到?|于)[ ]?(\d{4})[ ]?年"#)
    nonisolated(unsafe) static let yearRange = try! Regex(#"(\d{4})[ ]?(?:年)?[ ]?[-—–~～至到][ ]?(\d{4})[ ]?年"#)

    func extract(_ text: String, line: Int, context: Context) -> [IndicatorTarget] {
        var results: [IndicatorTarget] = []
        var work = text
        if let r = Responsibilities.find(in: text) { work = String(text[..<r.range.lowerBound]) }
        let masked = Self.maskQuoted(work)
        var year = context.year
        for sentence in Self.split(masked, by: "。；;!！?？") {
            // A year stated in the sentence applies to the targets after it.
            var sentenceYear = year
            for clause in Self.split(sentence, by: "，,：:") {
                if let m = clause.firstMatch(of: Self.yearRange), let y = Int(m.output[2].substring ?? "") { sentenceYear = y }
                else if let m = clause.firstMatch(of: Self.dueYear), let y = Int(m.output[1].substring ?? "") { sentenceYear = y }
                if Self.isNonTarget(clause) { continue }
                var found = extractClause(clause, year: sentenceYear, context: context, line: line)
                if found.isEmpty, let covered = fullCoverage(clause, year: sentenceYear, context: context, line: line) { found = [covered] }
                results.append(contentsOf: found)
            }
            _ = year
            year = context.year
        }
        return results
    }

    /// Splits keeping only non-empty pieces.
    static func split(_ text: String, by separators: String) -> [String] {
        text.split(whereSeparator: { separators.contains($0) }).map(String.init).filter { !$0.trimmingPageSpace().isEmpty }
    }

    /// Replaces the inside of 《》, “”, "" and 〔〕 with placeholder characters of the same length, so
    /// numbers in names of laws, slogans and document numbers are never read as targets.
    static func maskQuoted(_ text: String) -> String {
        var out = ""
        var depth = 0
        let opens: Set<Character> = ["《", "“", "〔", "「"]
        let closes: Set<Character> = ["》", "”", "〕", "」"]
        for ch in text {
            if opens.contains(ch) { depth += 1; out.append(ch); continue }
            if closes.contains(ch) { depth = max(0, depth - 1); out.append(ch); continue }
            out.append(depth > 0 && (ch.isNumber || ch == "%" || ch == ".") ? "＃" : ch)
        }
        return out
    }

    /// Statements that are not targets: what must not happen, what already happened.
    static func isNonTarget(_ clause: String) -> Bool {
        ["不发生", "杜绝", "零发生", "已经", "已达", "已有", "现有", "目前已", "截至目前"].contains { clause.contains($0) }
    }

    private func extractClause(_ clause: String, year: Int?, context: Context, line: Int) -> [IndicatorTarget] {
        var out: [IndicatorTarget] = []
        var segmentStart = clause.startIndex
        let matches = clause.matches(of: Self.quantity)
        for (k, m) in matches.enumerated() {
            let before = String(clause[segmentStart..<m.range.lowerBound])
            // Part of a code or a longer token (G60, PM2.5, 5G): not a quantity.
            if m.range.lowerBound > clause.startIndex {
                let previous = clause[clause.index(before: m.range.lowerBound)]
                if previous.isASCII && (previous.isLetter || previous.isNumber) || previous == "." || previous == "．" { continue }
            }
            var afterIndex = m.range.upperBound
            let after = clause[afterIndex...]
            // The comparator a suffix gives: 以上 / 以下 / 左右.
            var suffixComparator: Comparator?
            var approximate = false
            for (word, comparator) in [("及以上", Comparator.atLeast), ("或以上", .atLeast), ("以上", .atLeast), ("及以下", .atMost),
                                       ("以下", .atMost), ("以内", .atMost)] where after.hasPrefix(word) {
                suffixComparator = comparator
                afterIndex = clause.index(afterIndex, offsetBy: word.count)
                break
            }
            if suffixComparator == nil, after.hasPrefix("左右") { approximate = true; afterIndex = clause.index(afterIndex, offsetBy: 2) }
            segmentStart = afterIndex
            // A number that qualifies a noun (面积不少于1000平方米的…, 3人以上死亡的…) is a condition.
            let rest = clause[afterIndex...]
            if rest.hasPrefix("的") || rest.hasPrefix("死亡") || rest.hasPrefix("以上的") { continue }
            let trimmedBefore = before.trimmingPageSpace()
            if trimmedBefore.hasSuffix("第") || trimmedBefore.hasSuffix("等") || trimmedBefore.hasSuffix("前") { continue }
            if trimmedBefore.contains("＃") && trimmedBefore.hasSuffix("》") { continue }

            let low = Double(m.output[1].substring ?? "") ?? 0
            let high = m.output[2].substring.flatMap { Double($0) }
            let unit = String(m.output[3].substring ?? "")
            var (name, cue) = Self.subject(before)
            var note: String?
            var comparator: Comparator
            if let high, high > low {
                comparator = .range
            } else if let suffixComparator {
                comparator = suffixComparator
            } else {
                switch cue {
                case .atMost: comparator = .atMost
                case .decrease: comparator = .atLeast
                default: comparator = low == 100 && unit == "%" ? .equal : .atLeast
                }
            }
            if cue == .decrease || cue == .increase {
                // 较2020年下降17%: the target is the change, the note says what it is measured against.
                let word = cue == .decrease ? "下降" : "增长"
                note = Self.baseline(before).map { "较\($0)\(word)" } ?? word
                if comparator == .equal { comparator = .atLeast }
            }
            if approximate { note = [note, "左右"].compactMap { $0 }.joined(separator: "，") }
            // A bare count with no cue and no action verb is a fact, not a target (聚焦13个优势产业链).
            if cue == nil, suffixComparator == nil, high == nil, !(low == 100 && unit == "%") {
                let hasVerb = Self.actionVerbs.contains { clause.contains($0) } || clause.contains("力争") || clause.contains("每年")
                if !hasVerb || ["聚焦", "围绕", "依托", "按照", "根据"].contains(where: { clause.hasPrefix($0) }) { continue }
            }
            // When the subject is only a verb, the noun follows the number: 每年支持实施100项以上技术改造项目.
            let nextStart = k + 1 < matches.count ? matches[k + 1].range.lowerBound : clause.endIndex
            let following = afterIndex < nextStart ? Self.cleanTail(String(clause[afterIndex..<nextStart])) : ""
            if Self.isVerbOnly(name) || name.hanCount < 2 {
                name = Self.cleanName(name + following)
            }
            guard name.hanCount >= 2 else { continue }
            out.append(IndicatorTarget(name: name, comparator: comparator, target: low, targetMax: comparator == .range ? high : nil,
                                       unit: unit, year: year, category: context.category, owners: context.owners, note: note, line: line))
        }
        return out
    }

    /// 实现…全覆盖 with no number: a 100% coverage target.
    private func fullCoverage(_ clause: String, year: Int?, context: Context, line: Int) -> IndicatorTarget? {
        let c = clause.trimmingPageSpace()
        guard c.hasSuffix("全覆盖"), !c.contains("%") else { return nil }
        let name = Self.cleanName(String(c.dropLast(3)))
        guard name.hanCount >= 2 else { return nil }
        return IndicatorTarget(name: name + "覆盖率", comparator: .equal, target: 100, unit: "%", year: year, category: context.category,
                               owners: context.owners, line: line)
    }

    enum Cue { case atLeast, atMost, decrease, increase }

    /// The indicator's name and the cue word ending the text before the number.
    static func subject(_ before: String) -> (String, Cue?) {
        var text = before.trimmingPageSpace()
        var cue: Cue?
        var changed = true
        while changed {
            changed = false
            for filler in ["分别", "平均", "均", "保持在", "稳定在", "保持", "稳定", "在", "为", "年均", "每年", "累计", "力争", "约"] where text.hasSuffix(filler) && text.count > filler.count {
                text = String(text.dropLast(filler.count)); changed = true
            }
            for word in atMostCues where text.hasSuffix(word) { text = String(text.dropLast(word.count)); cue = cue ?? .atMost; changed = true }
            for word in atLeastCues where text.hasSuffix(word) { text = String(text.dropLast(word.count)); cue = cue ?? .atLeast; changed = true }
            for word in decreaseCues where text.hasSuffix(word) { text = String(text.dropLast(word.count)); cue = cue ?? .decrease; changed = true }
            for word in increaseCues where text.hasSuffix(word) { text = String(text.dropLast(word.count)); cue = cue ?? .increase; changed = true }
        }
        // 较2020年 / 比上年 baselines belong in the note, not the name.
        if let r = text.range(of: "较", options: .backwards) ?? text.range(of: "比", options: .backwards), text.distance(from: r.lowerBound, to: text.endIndex) <= 8 {
            text = String(text[..<r.lowerBound])
        }
        return (cleanName(text), cue)
    }

    static func baseline(_ before: String) -> String? {
        guard let r = before.range(of: "较", options: .backwards) ?? before.range(of: "比", options: .backwards) else { return nil }
        var base = String(before[r.upperBound...])
        for word in decreaseCues + increaseCues where base.hasSuffix(word) { base = String(base.dropLast(word.count)) }
        return base.isEmpty || base.count > 8 ? nil : base
    }

    nonisolated(unsafe) private static let leadingYear = try! Regex(#"^(?:(?:到|至|截至|截止到?|力争到?|于)?[ ]?\d{4}[ ]?年(?:年)?(?:底|末|前|内|度)?|\d{4}[ ]?[-—–~～至到][ ]?\d{4}[ ]?年)"#)

    /// Drops what opens a clause but is not part of a name: years, 每年, 力争, 实现, 确保, 其中.
    static func cleanName(_ raw: String) -> String {
        var text = raw.trimmingPageSpace()
        var changed = true
        while changed {
            changed = false
            if let m = text.prefixMatch(of: leadingYear) { text = String(text[m.range.upperBound...]); changed = true }
            for word in ["、", "和", "及", "并", "且", "其中", "同时", "每年", "年均", "全年", "力争", "确保", "实现", "推动", "努力", "争取",
                         "累计", "进一步", "使", "让", "要", "将", "到年底", "年底", "年内", "当年", "的"] where text.hasPrefix(word) && text.count > word.count {
                text = String(text.dropFirst(word.count)); changed = true
            }
            for word in ["的", "、", "和", "及", "均", "分别", "，"] where text.hasSuffix(word) && text.count > word.count {
                text = String(text.dropLast(word.count)); changed = true
            }
            let t = text.trimmingPageSpace()
            if t != text { text = t; changed = true }
        }
        return text
    }

    private static func cleanTail(_ raw: String) -> String {
        var text = raw.trimmingPageSpace()
        for word in ["、", "和", "及"] where text.hasSuffix(word) { text = String(text.dropLast(word.count)) }
        return text
    }

    private static func isVerbOnly(_ name: String) -> Bool {
        actionVerbs.contains(name) || name.count <= 4 && actionVerbs.contains { name.hasSuffix($0) }
    }
}
