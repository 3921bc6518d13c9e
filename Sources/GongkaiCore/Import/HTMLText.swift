/// A small HTML-to-lines converter: enough for government CMS pages, tolerant of broken markup.
///
/// Block elements start new lines; table cells are separated by a tab, so a metadata table
/// (索引号 | value | 组配分类 | value) reads like a label/value line, and a data table keeps its
/// columns. `script`, `style`, `head` and comments are dropped. Each output line keeps the line
/// number of the HTML where its text starts. FoundationXML's parser is not used: it rejects the
/// unclosed tags such pages are full of.
enum HTMLText {
    /// True when the text looks like markup rather than copied plain text.
    static func looksLikeHTML(_ text: String) -> Bool {
        let head = String(text.prefix(8000)).lowercased()
        let markers = ["<html", "<body", "<div", "<p>", "<p ", "<table", "<br", "<!doctype", "<span", "<td"]
        return markers.contains { head.contains($0) }
    }

    private static let blockTags: Set<String> = [
        "p", "div", "br", "tr", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table", "tbody",
        "thead", "section", "article", "header", "footer", "title", "dt", "dd", "dl", "hr", "form", "center",
        "blockquote", "pre", "nav", "aside", "main", "caption",
    ]
    private static let droppedTags: Set<String> = ["script", "style", "head", "noscript", "select", "textarea", "iframe", "object"]

    static func lines(_ html: String) -> [SourceLine] {
        let s = Array(html.unicodeScalars)
        var lines: [SourceLine] = []
        var current = String.UnicodeScalarView()
        var currentLine = 1   // HTML line where `current` got its first visible character
        var line = 1
        var i = 0
        func flush() {
            let text = String(current)
            if !text.trimmingPageSpace().isEmpty { lines.append(SourceLine(number: currentLine, text: text)) }
            current = String.UnicodeScalarView()
        }
        func append(_ scalar: Unicode.Scalar) {
            if String(current).trimmingPageSpace().isEmpty, !scalar.isPageSpace { currentLine = line }
            current.append(scalar)
        }
        func countLines(_ from: Int, _ to: Int) { for k in from..<min(to, s.count) where s[k] == "\n" { line += 1 } }

        while i < s.count {
            let c = s[i]
            if c == "<" {
                // Comment
                if i + 3 < s.count, s[i + 1] == "!", s[i + 2] == "-", s[i + 3] == "-" {
                    let end = find(s, "-->", from: i + 4) ?? s.count
                    countLines(i, end + 3)
                    i = end + 3
                    continue
                }
                guard let close = find(s, ">", from: i + 1) else { append(c); i += 1; continue }
                let inner = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                var name = inner.lowercased().prefix { $0.isLetter || $0.isNumber || $0 == "/" || $0 == "!" }
                let closing = name.hasPrefix("/")
                if closing { name = name.dropFirst() }
                let tag = String(name.hasSuffix("/") ? name.dropLast() : name)   // <br/>
                countLines(i, close + 1)
                i = close + 1
                if !closing, droppedTags.contains(tag), !inner.hasSuffix("/") {
                    let end = findCaseInsensitive(s, "</\(tag)", from: i) ?? s.count
                    countLines(i, end)
                    let after = find(s, ">", from: end) ?? s.count
                    countLines(end, after + 1)
                    i = after + 1
                    continue
                }
                if tag == "td" || tag == "th" {
                    if closing { append("\t") }
                } else if blockTags.contains(tag) {
                    flush()
                }
                continue
            }
            if c == "&", let semi = find(s, ";", from: i + 1), semi - i <= 10 {
                let entity = String(String.UnicodeScalarView(s[(i + 1)..<semi]))
                if let decoded = decodeEntity(entity) {
                    for d in decoded.unicodeScalars { append(d) }
                    i = semi + 1
                    continue
                }
            }
            if c == "\n" {
                line += 1
                append(" ")
            } else if c == "\r" || c == "\t" {
                append(" ")
            } else {
                append(c)
            }
            i += 1
        }
        flush()
        // Collapse runs of spaces inside each line (HTML whitespace is not significant), keep tabs.
        return lines.map { l in
            var out = ""
            var lastSpace = false
            for ch in l.text {
                if ch == " " { if !lastSpace { out.append(ch) }; lastSpace = true } else { out.append(ch); lastSpace = false }
            }
            return SourceLine(number: l.number, text: out)
        }
    }

    private static func find(_ s: [Unicode.Scalar], _ needle: String, from: Int) -> Int? {
        let n = Array(needle.unicodeScalars)
        guard !n.isEmpty, from < s.count else { return nil }
        var i = from
        while i + n.count <= s.count {
            if s[i] == n[0], Array(s[i..<(i + n.count)]) == n { return i }
            i += 1
        }
        return nil
    }

    private static func findCaseInsensitive(_ s: [Unicode.Scalar], _ needle: String, from: Int) -> Int? {
        let n = Array(needle.lowercased().unicodeScalars)
        var i = from
        while i + n.count <= s.count {
            var ok = true
            for k in 0..<n.count {
                let a = s[i + k].properties.lowercaseMapping.unicodeScalars.first ?? s[i + k]
                if a != n[k] { ok = false; break }
            }
            if ok { return i }
            i += 1
        }
        return nil
    }

    static func decodeEntity(_ entity: String) -> String? {
        let named: [String: String] = [
            "nbsp": " ", "lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "ensp": " ", "emsp": "\u{3000}",
            "mdash": "—", "ndash": "–", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "middot": "·",
            "hellip": "…", "copy": "©", "times": "×", "yen": "¥",
        ]
        if let value = named[entity.lowercased()] { return value }
        if entity.hasPrefix("#x") || entity.hasPrefix("#X"), let v = UInt32(entity.dropFirst(2), radix: 16),
           let scalar = Unicode.Scalar(v) { return String(scalar) }
        if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(v) { return String(scalar) }
        return nil
    }
}
