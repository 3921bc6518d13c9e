/// The units an item assigns: (责任单位：…), (牵头责任单位：…，协同配合单位：…),
/// (市…局按职责分工负责), (县质监局牵头，县经信局配合), (责任部门：…), or 责任单位：… closing
/// the item without brackets.
struct Responsibility: Sendable, Equatable {
    var lead: [String]
    var support: [String]
    /// Where the clause starts in the item's text, so it can be left out of indicator search.
    var range: Range<String.Index>

    var all: [String] { lead + support.filter { !lead.contains($0) } }
}

enum Responsibilities {
    private static let keywords = ["责任单位", "责任部门", "牵头单位", "牵头", "负责", "配合", "参与", "责任处室"]

    nonisolated(unsafe) private static let bracketed = try! Regex(#"[（(]([^（()）]{2,300})[）)]?[。.；;]?[ \t\u3000]*$"#)
    nonisolated(unsafe) private static let labelled = try! Regex(#"(?:牵头)?责任(?:单位|部门|处室)[ \t\u3000]*[:：]([^。；;（()）]{2,300})"#)

    static func find(in text: String) -> Responsibility? {
        if let m = text.firstMatch(of: bracketed), let inner = m.output[1].substring,
           keywords.contains(where: { inner.contains($0) }) {
            return parse(String(inner), range: m.range)
        }
        if let m = text.firstMatch(of: labelled) {
            // 责任单位：A、B。 without brackets: the clause runs to the sentence end.
            var end = m.range.upperBound
            if end < text.endIndex, "。；;".contains(text[end]) { end = text.index(after: end) }
            return parse(String(text[m.range]), range: m.range.lowerBound..<end)
        }
        return nil
    }

    static func parse(_ inner: String, range: Range<String.Index>) -> Responsibility? {
        let folded = Fold.halfWidth(inner)
        var lead: [String] = []
        var support: [String] = []
        // Split into the lead part and the supporting part.
        let parts = folded.split(whereSeparator: { $0 == "," || $0 == "，" || $0 == ";" || $0 == "；" }).map(String.init)
        var sawSupport = false
        for part in parts {
            var p = part.trimmingPageSpace()
            var isSupport = sawSupport
            for label in ["协同配合单位", "配合单位", "协同单位", "协办单位", "参与单位"] where p.hasPrefix(label) {
                p = String(p.dropFirst(label.count)); isSupport = true; sawSupport = true
            }
            for label in ["牵头责任单位", "牵头单位", "主办单位", "责任单位", "责任部门", "责任处室"] where p.hasPrefix(label) {
                p = String(p.dropFirst(label.count))
            }
            p = p.trimmingCharacters(in: .init(charactersIn: ":： "))
            for ending in ["按职责分工负责", "按照职责分工负责", "按职能分工负责", "分别负责", "共同负责", "负责"] where p.hasSuffix(ending) {
                p = String(p.dropLast(ending.count))
            }
            if p.hasSuffix("牵头") { p = String(p.dropLast(2)) }
            else if p.hasSuffix("配合") || p.hasSuffix("参与") { p = String(p.dropLast(2)); isSupport = true; sawSupport = true }
            let units = splitUnits(p)
            if isSupport { support += units } else { lead += units }
        }
        let lead2 = expandAbbreviations(lead)
        let support2 = expandAbbreviations(support)
        guard !(lead2.isEmpty && support2.isEmpty) else { return nil }
        return Responsibility(lead: lead2, support: support2, range: range)
    }

    static func splitUnits(_ text: String) -> [String] {
        text.split(whereSeparator: { "、,，;；".contains($0) })
            .map { String($0).trimmingPageSpace() }
            .map { $0.hasSuffix("等") && $0.count > 2 ? String($0.dropLast()) : $0 }
            .map { $0.hasSuffix("等部门") ? String($0.dropLast(3)) : $0 }
            .filter { !$0.isEmpty }
    }

    /// 市工信局、发改委、科技局 → the prefix of the first unit is understood for the others.
    /// Kept as written: the record names the units as the document does.
    static func expandAbbreviations(_ units: [String]) -> [String] { units }
}
