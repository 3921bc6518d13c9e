/// Dates and document numbers (发文字号) as pages print them.
enum DocDate {
    nonisolated(unsafe) private static let arabic = try! Regex(#"([0-9]{4})\s*(?:年\s*([0-9]{1,2})\s*月\s*([0-9]{1,2})\s*日|[-./／]([0-9]{1,2})[-./／]([0-9]{1,2})(?![0-9]))"#)
    nonisolated(unsafe) private static let chinese = try! Regex(#"([〇零一二三四五六七八九○Ｏ0]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"#)

    /// The first date in `text`: 2023年6月7日, 2023-06-07, 2023.6.7, 2023/6/7, 二〇二三年六月七日.
    static func first(in text: String) -> (date: CalendarDate, range: Range<String.Index>)? {
        var best: (CalendarDate, Range<String.Index>)?
        if let m = text.firstMatch(of: arabic) {
            let y = Int(m.output[1].substring ?? "") ?? 0
            let mo = Int((m.output[2].substring ?? m.output[4].substring) ?? "") ?? 0
            let d = Int((m.output[3].substring ?? m.output[5].substring) ?? "") ?? 0
            if let date = CalendarDate(year: y, month: mo, day: d) { best = (date, m.range) }
        }
        if let m = text.firstMatch(of: chinese) {
            let y = Int(String((m.output[1].substring ?? "").map { digit($0) })) ?? 0
            let mo = chineseNumber(String(m.output[2].substring ?? ""))
            let d = chineseNumber(String(m.output[3].substring ?? ""))
            if let date = CalendarDate(year: y, month: mo, day: d), best == nil || m.range.lowerBound < best!.1.lowerBound {
                best = (date, m.range)
            }
        }
        return best
    }

    /// A line that is only a date (the 成文日期 under a signature).
    static func standalone(_ line: String) -> CalendarDate? {
        let t = line.trimmingPageSpace()
        guard t.count <= 16, let found = first(in: t) else { return nil }
        let rest = t.replacingCharacters(in: found.range, with: "").trimmingPageSpace()
        return rest.isEmpty ? found.date : nil
    }

    private static func digit(_ c: Character) -> Character {
        let map: [Character: Character] = ["〇": "0", "零": "0", "○": "0", "Ｏ": "0", "0": "0", "一": "1", "二": "2", "三": "3",
                                           "四": "4", "五": "5", "六": "6", "七": "7", "八": "8", "九": "9"]
        return map[c] ?? "x"
    }

    /// 一 … 九十九 as written in headings and dates.
    static func chineseNumber(_ text: String) -> Int {
        let digits: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
        var total = 0, current = 0
        for c in text {
            if let d = digits[c] { current = d } else if c == "十" { total += (current == 0 ? 1 : current) * 10; current = 0 }
        }
        return total + current
    }
}

enum DocNumber {
    /// 机关代字 + 年份 in any bracket + 序号 + 号: 射政发〔2023〕16号, 扬府发[2023]141号, 太政办(2022)64号.
    nonisolated(unsafe) private static let pattern = try! Regex(#"([\p{Han}A-Za-z]{1,12})\s*[〔\[【（(［]\s*([0-9]{4})\s*[〕\]】）)］]\s*([0-9]{1,5})\s*号"#)

    /// The first document number in `text`, normalised to the official 〔〕 form.
    static func first(in text: String) -> (docNo: String, year: Int, serial: Int, range: Range<String.Index>)? {
        guard let m = text.firstMatch(of: pattern) else { return nil }
        let agency = String(m.output[1].substring ?? "")
        let year = Int(m.output[2].substring ?? "") ?? 0
        let serial = Int(m.output[3].substring ?? "") ?? 0
        return ("\(agency)〔\(year)〕\(serial)号", year, serial, m.range)
    }

    /// A line that is only a document number (the 发文字号 line under the title or the 版头).
    static func standalone(_ line: String) -> String? {
        let t = line.trimmingPageSpace()
        guard let found = first(in: t), t.count <= 30 else { return nil }
        let rest = t.replacingCharacters(in: found.range, with: "").trimmingPageSpace()
        return rest.isEmpty ? found.docNo : nil
    }
}
