/// One unit of the structured body: headings, paragraphs, numbered items, annex lists, tables.
struct BodyBlock: Sendable {
    enum Kind: Sendable, Equatable {
        case heading(Int)          // Markdown level: 一、 → 2, (一) → 3, 附件 title → 2
        case paragraph
        case item(String)          // 1. numbered item; the marker number
        case subitem(String)       // (1)
        case annexList([String])   // 附件：1.… 2.…
        case table([[String]])     // first row is the header
    }

    var kind: Kind
    var text: String
    var line: Int
}

/// Rebuilds the document's hierarchy from its lines: joins lines a PDF copy broke, turns the
/// numbering into headings and lists, splits a short heading from the sentence that follows it
/// on the same line, and rebuilds tables (pipe-broken or tab-separated).
enum BodyStructure {
    static func blocks(_ lines: [SourceLine]) -> [BodyBlock] {
        var blocks: [BodyBlock] = []
        var i = 0
        let lines = lines.map { SourceLine(number: $0.number, text: $0.text.collapsingCJKSpaces()) }
        var logical: [SourceLine] = []

        func flushLogical() {
            for l in logical { blocks.append(contentsOf: structure(l)) }
            logical.removeAll()
        }

        while i < lines.count {
            let line = lines[i]
            let t = line.trimmed
            if t.isEmpty { i += 1; continue }
            // A table: a run of lines ending in | (a pipe table broken one cell a line) or tab-separated cells.
            if PipeTable.isTableLine(t) {
                var j = i
                var run: [SourceLine] = []
                while j < lines.count, lines[j].isBlank || PipeTable.isTableLine(lines[j].trimmed) {
                    if !lines[j].isBlank { run.append(lines[j]) }
                    j += 1
                }
                if run.count >= 3, let rows = PipeTable.rows(run.map(\.trimmed)), rows.count >= 2 {
                    flushLogical()
                    blocks.append(BodyBlock(kind: .table(rows), text: "", line: line.number))
                    i = j
                    continue
                }
            }
            // 附件：1.… 2.… : the list of attachments.
            let folded = Fold.halfWidth(t)
            if folded.hasPrefix("附件:") || folded.hasPrefix("附件 :") {
                flushLogical()
                var items: [String] = []
                let first = String(t.drop { $0 != ":" && $0 != "：" }.dropFirst()).trimmingPageSpace()
                if !first.isEmpty { items.append(first) }
                var j = i + 1
                while j < lines.count {
                    let n = lines[j].trimmed
                    if n.isEmpty { break }
                    if isAnnexHeading(n) || PipeTable.isTableLine(n) { break }
                    if n.prefixMatch(of: annexNumber) != nil { items.append(n) }
                    else if !items.isEmpty, n.count <= 40, !n.contains("。") { items[items.count - 1] += n }
                    else { break }
                    j += 1
                }
                blocks.append(BodyBlock(kind: .annexList(items.map(stripItemNumber)), text: t, line: line.number))
                i = j
                continue
            }
            if isAnnexHeading(t) {
                flushLogical()
                blocks.append(BodyBlock(kind: .heading(2), text: t, line: line.number))
                // The annex's own title follows on the next line.
                if i + 1 < lines.count {
                    let n = lines[i + 1].trimmed
                    if !n.isEmpty, n.count <= 60, !n.contains("。"), !PipeTable.isTableLine(n), !HeadingMarker.startsWithMarker(n) {
                        blocks.append(BodyBlock(kind: .heading(3), text: n, line: lines[i + 1].number))
                        i += 2
                        continue
                    }
                }
                i += 1
                continue
            }
            // Join a line that a hard wrap broke off the previous one.
            if let last = logical.last, continues(last.trimmed, t) {
                logical[logical.count - 1].text = last.trimmed + t
            } else {
                flushLogical()
                logical.append(SourceLine(number: line.number, text: t))
            }
            i += 1
        }
        flushLogical()
        return blocks
    }

    static func isAnnexHeading(_ t: String) -> Bool {
        let f = Fold.halfWidth(t).replacingOccurrences(of: " ", with: "")
        guard f.hasPrefix("附件") else { return false }
        let rest = f.dropFirst(2)
        return rest.isEmpty || (rest.count <= 3 && rest.allSatisfy { $0.isNumber || "一二三四五六七八九十".contains($0) })
    }

    nonisolated(unsafe) private static let annexNumber = try! Regex(#"^[0-9]{1,2}[.．、][ \t\u3000]*"#)

    /// 1.2013年政府量化指标要求: in a list of attachments the number is always the item's.
    private static func stripItemNumber(_ text: String) -> String {
        if let m = text.prefixMatch(of: annexNumber), m.range.upperBound < text.endIndex { return String(text[m.range.upperBound...]) }
        return text
    }

    /// A wrapped line: the previous one stops mid-sentence and this one opens no new item.
    private static func continues(_ previous: String, _ current: String) -> Bool {
        if HeadingMarker.startsWithMarker(current) || current.hasPrefix("——") || current.hasPrefix("附件") { return false }
        guard let end = previous.last else { return false }
        if "，,、".contains(end) { return true }
        if "。；;：:！？!?）)”」》】".contains(end) { return false }
        if let m = HeadingMarker.parse(previous), m.rest.count <= 30 { return false }
        return previous.count >= 25
    }

    /// A logical line becomes a heading, an item or a paragraph; a short heading followed by a
    /// sentence on the same line ("(一)大力发展绿色优质农产品。巩固…") is split in two.
    private static func structure(_ line: SourceLine) -> [BodyBlock] {
        let t = line.trimmed
        guard let m = HeadingMarker.parse(t) else { return [BodyBlock(kind: .paragraph, text: t, line: line.number)] }
        switch m.level {
        case .part, .chapter, .section:
            let level = m.level == .section ? 3 : 2
            if !t.contains("。") && t.count <= 40 { return [BodyBlock(kind: .heading(level), text: t, line: line.number)] }
            if let stop = m.rest.firstIndex(where: { "。：:".contains($0) }), m.rest.distance(from: m.rest.startIndex, to: stop) <= 40 {
                let head = m.marker + m.rest[..<stop]
                let tail = String(m.rest[m.rest.index(after: stop)...]).trimmingPageSpace()
                var out = [BodyBlock(kind: .heading(level), text: String(head), line: line.number)]
                if !tail.isEmpty { out.append(BodyBlock(kind: .paragraph, text: tail, line: line.number)) }
                return out
            }
            return [BodyBlock(kind: .paragraph, text: t, line: line.number)]
        case .item:
            return [BodyBlock(kind: .item(String(m.number)), text: m.rest, line: line.number)]
        case .subitem:
            return [BodyBlock(kind: .subitem(m.marker), text: m.rest, line: line.number)]
        }
    }
}
