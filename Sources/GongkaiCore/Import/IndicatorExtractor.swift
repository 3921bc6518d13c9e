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
                              "改造", "建设", "增建", "新创", "创", "制修订", "制定", "申报", "达标", "拥有", "服务", "诊断", "通过", "评选", "推广", "举办", "开通"]

    nonisolated(unsafe) static let quantity: Regex<AnyRegexOutput> = {
        let unitAlternatives = units.joined(separator: "|")
        return try! Regex(#"([0-9]+(?:\.[0-9]+)?)(?:[ ]?(?:-|~|～|—|–|至|到)[ ]?([0-9]+(?:\.[0-9]+)?))?[ ]?(%|‰|(?:万|亿|千)?(?:"# + unitAlternatives + #")(?:/(?:千|万|百|十|亿)?(?:人|台|户|辆|家|企业|公里|平方公里|平方米|人口|元|吨|车))?)?"#)
    }()
    nonisolated(unsafe) static let dueYear = try! Regex(#"(?:到|至|截至|截止到?|力争到?|于)[ ]?([0-9]{4})[ ]?年"#)
    nonisolated(unsafe) static let yearRange = try! Regex(#"([0-9]{4})[ ]?(?:年)?[ ]?[-—–~～至到][ ]?([0-9]{4})[ ]?年"#)

    func extract(_ text: String, line: Int, context: Context) -> [IndicatorTarget] {
        var results: [IndicatorTarget] = []
        var work = text
        if let r = Responsibilities.find(in: text) { work = String(text[..<r.range.lowerBound]) }
        let masked = Self.maskQuoted(work)
        var year = context.year
        for sentence in Self.split(masked, by: "。；;!！?？") {
            // A year stated in the sentence applies to the targets after it.
            var sentenceYear = year
            var lastName: String?
            for clause in Self.split(sentence, by: "，,：:") {
                if let m = clause.firstMatch(of: Self.yearRange), let y = Int(m.output[2].substring ?? "") { sentenceYear = y }
                else if let m = clause.firstMatch(of: Self.dueYear), let y = Int(m.output[1].substring ?? "") { sentenceYear = y }
                if Self.isNonTarget(clause) { continue }
                var found = extractClause(clause, sentence: sentence, previousName: lastName, year: sentenceYear, context: context, line: line)
                if found.isEmpty, let covered = fullCoverage(clause, year: sentenceYear, context: context, line: line) { found = [covered] }
                if found.isEmpty, let all = wholeSet(clause, year: sentenceYear, context: context, line: line) { found = [all] }
                if let last = found.last { lastName = last.name }
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

    private struct Found {
        var range: Range<String.Index>
        var low: Double
        var high: Double?
        var unit: String
        var suffix: Comparator?
        var approximate: Bool
        var end: String.Index       // after the suffix (以上/左右)
        var qualifier: Bool         // 1000平方米的…: describes a noun, not a target
    }

    private func quantities(in clause: String) -> [Found] {
        var out: [Found] = []
        for m in clause.matches(of: Self.quantity) {
            if m.range.lowerBound > clause.startIndex {
                let previous = clause[clause.index(before: m.range.lowerBound)]
                if previous.isASCII && (previous.isLetter || previous.isNumber) || previous == "." || previous == "．" || previous == "＃" { continue }
            }
            let unit = String(m.output[3].substring ?? "")
            var end = m.range.upperBound
            let after = clause[end...]
            if unit.hasSuffix("分"), after.hasPrefix("钟") { continue }
            if after.hasPrefix("版") || after.hasPrefix("号") { continue }
            var suffix: Comparator?
            var approximate = false
            for (word, comparator) in [("及以上", Comparator.atLeast), ("或以上", .atLeast), ("以上", .atLeast), ("及以下", .atMost),
                                       ("以下", .atMost), ("以内", .atMost)] where after.hasPrefix(word) {
                suffix = comparator
                end = clause.index(end, offsetBy: word.count)
                break
            }
            if suffix == nil, clause[end...].hasPrefix("左右") { approximate = true; end = clause.index(end, offsetBy: 2) }
            // 100%全覆盖: the coverage word belongs to the number.
            for word in ["全覆盖", "覆盖"] where clause[end...].hasPrefix(word) { end = clause.index(end, offsetBy: word.count); break }
            if unit.isEmpty {
                // A number without a unit is a target only as 80以上 / 指数达到80.
                let head = Self.subject(String(clause[..<m.range.lowerBound])).0
                if suffix == nil && !head.hasSuffix("指数") { continue }
                if clause[m.range].count >= 4, clause[end...].hasPrefix("年") { continue }
            }
            let rest = clause[end...]
            var qualifier = rest.hasPrefix("死亡")
            if rest.hasPrefix("的"), unit != "%", suffix == nil {
                // 面积不少于1000平方米的… describes a noun; 开展不少于2次的… counts one.
                let (head, _) = Self.subject(String(clause[..<m.range.lowerBound]))
                let lastPiece = head.split(whereSeparator: { "，,、和".contains($0) }).last.map(String.init) ?? head
                qualifier = !(lastPiece.isEmpty || Self.isVerbOnly(lastPiece) || Self.actionVerbs.contains { lastPiece.hasSuffix($0) })
            }
            out.append(Found(range: m.range, low: Double(m.output[1].substring ?? "") ?? 0, high: m.output[2].substring.flatMap { Double($0) },
                             unit: unit, suffix: suffix, approximate: approximate, end: end, qualifier: qualifier))
        }
        return out
    }

    private func extractClause(_ clause: String, sentence: String, previousName: String?, year: Int?, context: Context, line: Int) -> [IndicatorTarget] {
        var out: [IndicatorTarget] = []
        var found = quantities(in: clause)
        for k in found.indices where !found[k].qualifier && k + 1 < found.count {
            // 收入1000万元以上检验机构10家: a number whose noun runs straight into the next number qualifies it.
            let between = clause[found[k].end..<found[k + 1].range.lowerBound]
            if !between.isEmpty, between.count <= 12, between.allSatisfy({ $0.unicodeScalars.first!.isHan && !"和及与或".contains($0) }),
               found[k].unit != found[k + 1].unit,
               !found[k + 1].qualifier, !Self.cues.contains(where: { between.contains($0.0) }),
               !Self.startsWithVerb(String(between)), !Self.actionVerbs.contains(where: { between.contains($0) }) {
                found[k].qualifier = true
            }
        }
        var segmentStart = clause.startIndex
        // 分别/均: one subject list, one comparator, several numbers (事故率和死亡率分别控制在0.48起/万台和0.47人/万台以下).
        let targets = found.filter { !$0.qualifier }
        var shared: (names: [String], cue: Cue?, suffix: Comparator?)?
        if let first = targets.first, targets.count >= 1 {
            let before = String(clause[clause.startIndex..<first.range.lowerBound])
            if before.contains("分别") || before.hasSuffix("均达到") || before.hasSuffix("均达") || before.hasSuffix("均为") || before.hasSuffix("均") {
                let (subject, cue) = Self.subject(before)
                let names: [String]
                if targets.count > 1 {
                    let parts = subject.split(whereSeparator: { "和及与、".contains($0) }).map(String.init).filter { $0.hanCount >= 2 }
                    names = parts.count == targets.count ? parts : Array(repeating: subject, count: targets.count)
                } else {
                    let parts = subject.split(whereSeparator: { "和及与".contains($0) }).map(String.init).filter { $0.hanCount >= 2 }
                    names = parts.count >= 2 ? parts : [subject]
                }
                shared = (names, cue, targets.last?.suffix)
            }
        }
        var targetIndex = 0
        for (k, q) in found.enumerated() {
            let before = String(clause[segmentStart..<q.range.lowerBound])
            segmentStart = q.end
            if q.qualifier { continue }
            defer { targetIndex += 1 }
            let trimmedBefore = before.trimmingPageSpace()
            if trimmedBefore.hasSuffix("第") || trimmedBefore.hasSuffix("等") || trimmedBefore.hasSuffix("前") { continue }
            // The noun after the number: up to the next target (skipping qualifiers, whose noun follows their 的).
            var nextStart = clause.endIndex
            for later in found[(k + 1)...] where !later.qualifier { nextStart = later.range.lowerBound; break }
            var following = q.end < nextStart ? String(clause[q.end..<nextStart]) : ""
            // Only a noun that follows the number directly is its noun; after 、 or 和 the next item starts.
            if let first = following.unicodeScalars.first, !first.isHan || "和及与或".unicodeScalars.contains(first) { following = "" }
            if let de = following.lastIndex(of: "的") { following = String(following[following.index(after: de)...]) }
            if let cut = following.firstIndex(where: { "，,；;".contains($0) }) { following = String(following[..<cut]) }
            following = Self.cleanTail(following)
            if q.unit == "%", following.hasSuffix("标准"), trimmedBefore.hasSuffix("执行") { continue }   // 执行75%节能标准: a grade

            var (name, cue) = Self.subject(before)
            var suffix = q.suffix
            if let shared {
                if targets.count > 1 || shared.names.count == 1 {
                    name = shared.names[min(targetIndex, shared.names.count - 1)]
                    cue = cue ?? shared.cue
                    suffix = suffix ?? shared.suffix
                } else {
                    // 均达到98%: the subjects share one target.
                    for part in shared.names {
                        if let t = makeTarget(part, cue: shared.cue ?? cue, suffix: suffix, q: q, before: before, clause: sentence, year: year, context: context, line: line) { out.append(t) }
                    }
                    continue
                }
            } else if let parts = Self.rateList(name), targets.count == 1 {
                // 监管率和严重隐患治理率达到100%: two rates, one target.
                for part in parts {
                    if let t = makeTarget(part, cue: cue, suffix: suffix, q: q, before: before, clause: sentence, year: year, context: context, line: line) { out.append(t) }
                }
                continue
            } else if q.unit == "%", clause[q.end...].hasPrefix("的"), following.hanCount >= 2 {
                // 满足社会95%以上的量值传递溯源需求: the share of what follows.
                name = Self.cleanName(following)
            } else if name.hanCount < 2, following.hanCount < 2, let previousName, !trimmedBefore.isEmpty {
                // 年均增幅8%左右 after 增加值达2400亿元: the measure of the thing named before.
                var measure = trimmedBefore
                if let r = Self.baselineRange(measure) { measure = String(measure[..<r.lowerBound]) + (cue == .decrease ? "下降幅度" : cue == .increase ? "增幅" : "") }
                name = previousName + measure
            } else if Self.isVerbOnly(name) || name.hanCount < 2 || Self.endsWithConjunction(trimmedBefore) || Self.isScopeWord(name)
                        || (q.unit != "%" && !following.isEmpty && following.hanCount >= 2 && !Self.startsWithVerb(following)) {
                // The counted noun follows the number: 每年支持实施100项以上技术改造项目, 和20个示范性长者幸福食堂.
                if following.hanCount >= 2 { name = Self.cleanName(following) } else { name = Self.cleanName(name + following) }
            }
            if let t = makeTarget(name, cue: cue, suffix: suffix, q: q, before: before, clause: sentence, year: year, context: context, line: line) { out.append(t) }
        }
        return out
    }

    private func makeTarget(_ name: String, cue: Cue?, suffix: Comparator?, q: Found, before: String, clause: String, year: Int?,
                            context: Context, line: Int) -> IndicatorTarget? {
        var comparator: Comparator
        var note: String?
        if let high = q.high, high > q.low {
            comparator = .range
        } else if q.approximate {
            comparator = .equal
        } else if let suffix {
            comparator = suffix
        } else {
            switch cue {
            case .atMost: comparator = .atMost
            case .decrease: comparator = .atLeast
            default: comparator = q.low == 100 && q.unit == "%" ? .equal : .atLeast
            }
        }
        if cue == .decrease || cue == .increase {
            // 较2020年下降17%: the target is the change; the note says what it is measured against.
            let word = cue == .decrease ? "下降" : "增长"
            note = Self.baseline(before).map { "较\($0)\(word)" } ?? word
            if comparator == .equal && !q.approximate { comparator = .atLeast }
        }
        if q.approximate { note = [note, "左右"].compactMap { $0 }.joined(separator: "，") }
        // A bare count with no cue and no action verb is a fact, not a target (聚焦13个优势产业链).
        if cue == nil, suffix == nil, q.high == nil, !q.approximate, !(q.low == 100 && q.unit == "%") {
            // A count in a sentence that sets targets (a verb of doing, or a cue elsewhere: 达180家，其中…3个).
            let hasVerb = Self.actionVerbs.contains { clause.contains($0) } || clause.contains("力争") || clause.contains("每年")
                || Self.cues.contains { clause.contains($0.0) } || clause.contains("以上")
            if !hasVerb || ["聚焦", "围绕", "依托", "按照", "根据", "以"].contains(where: { name.hasPrefix($0) || before.hasPrefix($0) }) { return nil }
        }
        guard name.hanCount >= 2, !name.contains("＃") || name.hanCount >= 4 else { return nil }
        return IndicatorTarget(name: name.replacingOccurrences(of: "＃", with: ""), comparator: comparator, target: q.low,
                               targetMax: comparator == .range ? q.high : nil, unit: q.unit, year: year, category: context.category,
                               owners: context.owners, note: note, line: line)
    }

    /// 监管率和严重隐患治理率: names joined by 和 that are each a rate.
    static func rateList(_ name: String) -> [String]? {
        let parts = name.split(whereSeparator: { "和及与".contains($0) }).map(String.init)
        guard parts.count >= 2 else { return nil }
        let measures = ["率", "度", "比例", "比重", "指数"]
        guard parts.allSatisfy({ p in p.hanCount >= 2 && measures.contains { p.hasSuffix($0) } }) else { return nil }
        return parts
    }

    /// 全部纳入…, 全面执行…标准: every member of a set, a 100% target without a number.
    private func wholeSet(_ clause: String, year: Int?, context: Context, line: Int) -> IndicatorTarget? {
        let c = clause.trimmingPageSpace()
        for word in ["全部", "全面执行"] {
            if word == "全部", c.contains(where: { $0.isNumber && $0.isASCII }) { continue }
            guard let r = c.range(of: word) else { continue }
            let subject = Self.cleanName(String(c[..<r.lowerBound]))
            let rest = String(c[r.upperBound...])
            if word == "全面执行" && !rest.hasSuffix("标准") { continue }
            guard subject.hanCount >= 2, rest.hanCount >= 2, rest.count <= 30 else { continue }
            return IndicatorTarget(name: subject + (word == "全面执行" ? "执行" : "") + rest, comparator: .equal, target: 100, unit: "%", year: year,
                                   category: context.category, owners: context.owners, line: line)
        }
        return nil
    }

    static func endsWithConjunction(_ text: String) -> Bool {
        guard let last = text.last else { return true }
        return "和及与、".contains(last)
    }

    static func isScopeWord(_ name: String) -> Bool {
        ["全县", "全市", "全区", "全省", "全镇", "所有", "全部", "全国", "全县所有", "全市所有"].contains(name)
    }

    static func startsWithVerb(_ text: String) -> Bool {
        actionVerbs.contains { text.hasPrefix($0) } || ["以上", "以下", "左右", "的"].contains { text.hasPrefix($0) }
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
    static let cues: [(String, Cue)] = {
        var all: [(String, Cue)] = atLeastCues.map { ($0, .atLeast) } + atMostCues.map { ($0, .atMost) }
        all += decreaseCues.map { ($0, .decrease) } + increaseCues.map { ($0, .increase) }
        return all.sorted { $0.0.count > $1.0.count }
    }()

    /// The indicator's name and the cue word ending the text before the number.
    static func subject(_ before: String) -> (String, Cue?) {
        var text = before.trimmingPageSpace()
        var cue: Cue?
        var changed = true
        while changed {
            changed = false
            if let (word, kind) = cues.first(where: { text.hasSuffix($0.0) }) {
                text = String(text.dropLast(word.count)); cue = cue ?? kind; changed = true
                continue
            }
            for filler in ["分别", "平均", "均", "保持在", "稳定在", "保持", "稳定", "在", "为", "年均", "每年", "累计", "力争", "约", "同比"]
                where text.hasSuffix(filler) && text.count > filler.count {
                text = String(text.dropLast(filler.count)); changed = true
                break
            }
        }
        // 较2020年 / 比上年 baselines belong in the note, not the name.
        if let r = baselineRange(text) { text = String(text[..<r.lowerBound]) }
        return (cleanName(text), cue)
    }

    nonisolated(unsafe) private static let baselinePattern = try! Regex(#"(?:较|比)(?:[0-9]{4}年|上年|去年|上一年|基期|[0-9]{4}年末|[0-9]{4}年底)[^，,]{0,4}$"#)

    static func baselineRange(_ text: String) -> Range<String.Index>? {
        text.firstMatch(of: baselinePattern)?.range
    }

    static func baseline(_ before: String) -> String? {
        var text = before.trimmingPageSpace()
        for (word, _) in cues where text.hasSuffix(word) { text = String(text.dropLast(word.count)); break }
        for filler in ["同比", "年均"] where text.hasSuffix(filler) { text = String(text.dropLast(filler.count)) }
        guard let r = baselineRange(text) else { return nil }
        return String(text[r].dropFirst())
    }

    nonisolated(unsafe) private static let leadingYear = try! Regex(#"^(?:(?:到|至|截至|截止到?|力争到?|于)?[ ]?[0-9]{4}[ ]?年(?:年)?(?:底|末|前|内|度)?|[0-9]{4}[ ]?[-—–~～至到][ ]?[0-9]{4}[ ]?年)"#)

    /// Drops what opens a clause but is not part of a name: years, 每年, 力争, 实现, 确保, 其中.
    static func cleanName(_ raw: String) -> String {
        var text = raw.trimmingPageSpace()
        var changed = true
        while changed {
            changed = false
            if let m = text.prefixMatch(of: leadingYear) { text = String(text[m.range.upperBound...]); changed = true }
            for word in ["、", "和", "及", "并", "且", "其中", "同时", "每年", "年均", "全年", "力争", "确保", "实现", "推动", "努力", "争取",
                         "累计", "进一步", "使", "让", "要", "将", "落实", "到年底", "年底", "年内", "当年", "的", "全县", "全市", "全区", "全省", "所有"] where text.hasPrefix(word) && text.count > word.count {
                text = String(text.dropFirst(word.count)); changed = true
            }
            for word in ["的", "、", "和", "及", "均", "分别", "，"] where text.hasSuffix(word) && text.count > word.count {
                text = String(text.dropLast(word.count)); changed = true
            }
            let t = text.trimmingPageSpace()
            if t != text { text = t; changed = true }
            // 现代物流、信息、科技等生产性服务业: the examples before 等 are not part of the name.
            if let deng = text.firstIndex(of: "等"), text[..<deng].contains("、"), text.distance(from: deng, to: text.endIndex) > 2 {
                text = String(text[text.index(after: deng)...]); changed = true
            }
        }
        return text
    }

    private static func cleanTail(_ raw: String) -> String {
        var text = raw.trimmingPageSpace()
        for word in ["、", "和", "及"] where text.hasSuffix(word) { text = String(text.dropLast(word.count)) }
        return text
    }

    private static func isVerbOnly(_ name: String) -> Bool {
        actionVerbs.contains(name) || name.count <= 6 && actionVerbs.contains { name.hasSuffix($0) }
    }
}
