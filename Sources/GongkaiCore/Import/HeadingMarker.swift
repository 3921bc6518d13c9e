/// The GB/T 9704 numbering hierarchy of a document body: 一、 → (一) → 1. → (1).
enum HeadingMarker {
    enum Level: Int, Sendable, Comparable {
        case part = 0      // 第一章 / 第一部分
        case chapter = 1   // 一、
        case section = 2   // (一) （一）
        case item = 3      // 1. 1．1、
        case subitem = 4   // (1) （1） ①
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    struct Match: Sendable {
        var level: Level
        var marker: String
        var rest: String
        var number: Int
    }

    nonisolated(unsafe) private static let part = try! Regex(#"^第([一二三四五六七八九十百]+)(?:章|部分|篇)[ \t\u3000]*"#)
    nonisolated(unsafe) private static let chapter = try! Regex(#"^([一二三四五六七八九十百]{1,3})[、．.][ \t\u3000]*"#)
    nonisolated(unsafe) private static let section = try! Regex(#"^[（(]([一二三四五六七八九十百]{1,3})[）)][ \t\u3000、.．]*"#)
    nonisolated(unsafe) private static let item = try! Regex(#"^([0-9]{1,2})(?:[．、]|\.(?![0-9]))[ \t\u3000]*"#)
    nonisolated(unsafe) private static let subitem = try! Regex(#"^(?:[（(]([0-9]{1,2})[）)]|([①②③④⑤⑥⑦⑧⑨⑩]))[ \t\u3000]*"#)

    static func parse(_ text: String) -> Match? {
        let t = text.trimmingPageSpace()
        let rules: [(Regex<AnyRegexOutput>, Level)] = [(part, .part), (chapter, .chapter), (section, .section), (item, .item), (subitem, .subitem)]
        for (regex, level) in rules {
            guard let m = t.prefixMatch(of: regex) else { continue }
            let rest = String(t[m.range.upperBound...])
            guard !rest.isEmpty else { return nil }
            let numberText = String(m.output[1].substring ?? "")
            let number = Int(numberText) ?? DocDate.chineseNumber(numberText)
            let marker = String(t[m.range]).trimmingPageSpace()
            return Match(level: level, marker: marker, rest: rest, number: number)
        }
        return nil
    }

    static func startsWithMarker(_ text: String) -> Bool { parse(text) != nil }
}
