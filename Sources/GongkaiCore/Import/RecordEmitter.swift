/// Writes the record file. The YAML is emitted by hand rather than through `Yams.serialize`:
/// Yams would reflow long Chinese strings and choose its own quoting per value, while records
/// are meant to be read and edited by people. Every string is written plain when YAML reads it
/// back unchanged and as a JSON-style double-quoted string otherwise (always valid YAML), so
/// quoting is right by construction; `ImportTests` decode every emitted record to prove it.
enum RecordEmitter {
    static func frontMatter(_ f: RecordFields) -> String {
        var y = "---\n"
        func line(_ key: String, _ value: String?) { if let value, !value.isEmpty { y += "\(key): \(scalar(value))\n" } }
        func list(_ key: String, _ values: [String]) { if !values.isEmpty { y += "\(key): \(flowList(values))\n" } }
        line("title", f.title)
        line("issuer", f.issuer)
        y += "date: \(f.date)\n"
        line("doc_no", f.docNo)
        line("index_no", f.indexNo)
        if let p = f.published { y += "published: \(p)\n" }
        list("topics", f.topics)
        line("genre", f.genre)
        line("disclosure", f.disclosure)
        line("scope", f.scope)
        line("status", f.status)
        if let e = f.effective { y += "effective: \(e)\n" }
        if let e = f.expires { y += "expires: \(e)\n" }
        line("period", f.period)
        list("keywords", f.keywords)
        line("summary", f.summary)
        if !f.indicators.isEmpty {
            y += "indicators:\n"
            for i in f.indicators {
                y += "  - name: \(scalar(i.name))\n"
                y += "    comparator: \(scalar(i.comparator.rawValue))\n"
                y += "    target: \(NumberFormat.plain(i.target))\n"
                if let max = i.targetMax { y += "    target_max: \(NumberFormat.plain(max))\n" }
                if !i.unit.isEmpty { y += "    unit: \(scalar(i.unit))\n" }
                if let year = i.year { y += "    year: \(year)\n" }
                if let c = i.category, !c.isEmpty { y += "    category: \(scalar(c))\n" }
                if !i.owners.isEmpty { y += "    owners: \(flowList(i.owners))\n" }
                if let n = i.note, !n.isEmpty { y += "    note: \(scalar(n))\n" }
            }
        }
        return y + "---\n"
    }

    static func flowList(_ values: [String]) -> String {
        "[" + values.map { scalar($0, inFlow: true) }.joined(separator: ", ") + "]"
    }

    /// Plain when safe, else double-quoted with JSON escapes.
    static func scalar(_ s: String, inFlow: Bool = false) -> String {
        isPlainSafe(s, inFlow: inFlow) ? s : quoted(s)
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if u.value < 0x20 || u.value == 0x7F || u.value == 0x85 || u.value == 0x2028 || u.value == 0x2029 || u.value == 0xFEFF {
                    out += String(format: "\\u%04X", u.value)
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        return out + "\""
    }

    private static func isPlainSafe(_ s: String, inFlow: Bool) -> Bool {
        guard let first = s.unicodeScalars.first, let last = s.unicodeScalars.last else { return false }
        if first.isPageSpace || last.isPageSpace || first.properties.isWhitespace || last.properties.isWhitespace { return false }
        if "-?:,[]{}#&*!|>'\"%@`~=<".unicodeScalars.contains(first) { return false }
        if s.contains(": ") || s.contains(" #") || s.hasSuffix(":") { return false }
        if inFlow, s.contains(where: { ",[]{}".contains($0) }) { return false }
        for u in s.unicodeScalars where u.value < 0x20 || u.value == 0x7F || u.value == 0x85 || u.value == 0xFEFF
            || u.value == 0x2028 || u.value == 0x2029 || u == "\"" || u == "\\" { return false }
        // Anything YAML would resolve to a non-string (numbers, dates, booleans, null) is quoted.
        let lower = s.lowercased()
        if ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"].contains(lower) { return false }
        if s.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE_:/x".contains($0)) }) { return false }
        return true
    }

    // MARK: - Body

    static func body(layout: NoticeLayout, blocks: [BodyBlock]) -> String {
        var parts: [String] = []
        if let a = layout.addressee { parts.append(escapeParagraph(a.trimmed)) }
        let signature = signatureBlock(layout)
        if layout.signatureAtEnd {
            parts += markdown(blocks)
            if let s = signature { parts.append(s) }
        } else {
            parts += markdown(BodyStructure.blocks(layout.letter))
            if let s = signature { parts.append(s) }
            if signature != nil || !layout.letter.isEmpty, layout.planTitle != nil || !blocks.isEmpty { parts.append("---") }
            // Bold, not a heading: the page's own <h1> is the notice's title.
            if let t = layout.planTitle { parts.append("**" + escapeInline(t.trimmed) + "**") }
            parts += markdown(blocks)
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    private static func signatureBlock(_ layout: NoticeLayout) -> String? {
        var lines: [String] = []
        if let i = layout.signatureIssuer { lines.append(escapeInline(i.text)) }
        if let d = layout.signatureDate { lines.append(d.date.chinese) }
        for n in layout.notes { lines.append(escapeInline(n.trimmed)) }
        return lines.isEmpty ? nil : lines.joined(separator: "  \n")
    }

    static func markdown(_ blocks: [BodyBlock]) -> [String] {
        blocks.map { block in
            switch block.kind {
            case .heading(let level): return String(repeating: "#", count: level) + " " + escapeInline(block.text)
            case .paragraph: return escapeParagraph(block.text)
            case .item(let n): return "\(n). " + escapeInline(block.text)
            case .subitem(let marker): return escapeParagraph(marker + block.text)
            case .annexList(let items):
                let head = Fold.halfWidth(block.text).hasPrefix("附件") ? "附件：" : ""
                return head + "\n\n" + items.enumerated().map { "\($0.offset + 1). " + escapeInline($0.element) }.joined(separator: "\n")
            case .table(let rows): return PipeTable.markdown(rows).trimmingCharacters(in: .newlines)
            }
        }
    }

    /// Keeps a paragraph from being read as Markdown syntax it is not (a list, a heading, a rule).
    static func escapeParagraph(_ text: String) -> String {
        var t = escapeInline(text)
        if let first = t.first, "#>-+=|".contains(first) { t = "\\" + t }
        if let m = t.prefixMatch(of: /[0-9]+[.)]/) { t = String(t[..<t.index(before: m.range.upperBound)]) + "\\" + String(t[t.index(before: m.range.upperBound)...]) }
        return t
    }

    static func escapeInline(_ text: String) -> String {
        var out = ""
        for ch in text {
            if "*_`[]<\\".contains(ch) { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
