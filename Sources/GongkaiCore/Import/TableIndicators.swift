/// Targets listed in a table (an annex of 量化指标: 序号 | 内容 | 指标 | 责任单位).
enum TableIndicators {
    static func extract(_ rows: [[String]], line: Int, year: Int?, category: String?) -> [IndicatorTarget] {
        guard let header = rows.first else { return [] }
        func column(_ words: [String]) -> Int? { header.firstIndex { h in words.contains { h.contains($0) } } }
        guard let valueColumn = column(["指标值", "目标值", "指标", "目标", "数值", "要求", "标准"]) else { return [] }
        let nameColumn = column(["内容", "名称", "项目", "指标名称", "事项"]).flatMap { $0 == valueColumn ? nil : $0 }
            ?? (header.count > 2 ? 1 : 0)
        let ownerColumn = column(["责任单位", "责任部门", "牵头单位", "责任"])
        var out: [IndicatorTarget] = []
        for (k, row) in rows.dropFirst().enumerated() where valueColumn < row.count && nameColumn < row.count {
            let value = row[valueColumn]
            guard let m = value.firstMatch(of: IndicatorExtractor.quantity) else { continue }
            let low = Double(m.output[1].substring ?? "") ?? 0
            let high = m.output[2].substring.flatMap { Double($0) }
            let unit = String(m.output[3].substring ?? "")
            var name = row[nameColumn]
            if let colon = name.lastIndex(of: "：") { name = String(name[name.index(after: colon)...]) }
            for cue in ["达到", "达", "不低于", "不少于", "控制在", "不高于"] where name.hasSuffix(cue) { name = String(name.dropLast(cue.count)) }
            name = name.trimmingPageSpace()
            guard name.hanCount >= 2 else { continue }
            var comparator: Comparator = low == 100 && unit == "%" ? .equal : .atLeast
            if value.contains("≤") || value.contains("以下") || value.contains("以内") || value.contains("不高于") { comparator = .atMost }
            if let high, high > low { comparator = .range }
            let owners = ownerColumn.flatMap { $0 < row.count ? Responsibilities.splitUnits(row[$0].replacingOccurrences(of: " ", with: "、")) : nil } ?? []
            out.append(IndicatorTarget(name: name, comparator: comparator, target: low, targetMax: comparator == .range ? high : nil,
                                       unit: unit, year: year, category: category, owners: owners, line: line + k + 1))
        }
        return out
    }
}

/// Whether two indicator names mean the same: one contains the other, or they share most of
/// their character pairs (Dice coefficient on bigrams).
enum NameSimilarity {
    static func score(_ a: String, _ b: String) -> Double {
        let x = normalise(a), y = normalise(b)
        if x.isEmpty || y.isEmpty { return 0 }
        if x == y { return 1 }
        if x.contains(y) || y.contains(x) { return 0.9 }
        let bx = bigrams(x), by = bigrams(y)
        guard !bx.isEmpty, !by.isEmpty else { return 0 }
        var pool = by
        var shared = 0
        for g in bx { if let i = pool.firstIndex(of: g) { shared += 1; pool.remove(at: i) } }
        return 2 * Double(shared) / Double(bx.count + by.count)
    }

    static func normalise(_ s: String) -> String {
        String(Fold.halfWidth(s).filter { !$0.isWhitespace && !"()（）“”\"《》、，,。".contains($0) })
    }

    private static func bigrams(_ s: String) -> [String] {
        let c = Array(s)
        guard c.count >= 2 else { return c.map(String.init) }
        return (0..<(c.count - 1)).map { String(c[$0...($0 + 1)]) }
    }
}
