/// The record's front matter values, chosen from the metadata block and the notice itself.
/// A field the page does not carry stays nil: nothing is invented.
struct RecordFields: Sendable {
    var title = ""
    var issuer = ""
    var date = CalendarDate(year: 2000, month: 1, day: 1)!
    var docNo: String?
    var indexNo: String?
    var published: CalendarDate?
    var topics: [String] = []
    var genre: String?
    var disclosure: String?
    var scope: String?
    var status: String?
    var effective: CalendarDate?
    var expires: CalendarDate?
    var period: String?
    var keywords: [String] = []
    var summary: String?
    var indicators: [IndicatorTarget] = []
    var slug = ""

    static func repeatsTitle(_ value: String, _ title: String) -> Bool {
        let v = value.trimmingCharacters(in: .init(charactersIn: ".… ")).replacingOccurrences(of: " ", with: "")
        return !v.isEmpty && (title.replacingOccurrences(of: " ", with: "") == v || (title.hasPrefix(v) && v.count >= 10))
    }

    static func assemble(metadata: PageMetadata, layout: NoticeLayout, chromePublished: (CalendarDate, Int)?, path: String,
                         findings: inout [ImportFinding]) throws -> RecordFields {
        var f = RecordFields()
        func found(_ label: String, _ value: String, _ line: Int) { findings.append(ImportFinding(.found, line: line, "\(label) \(value)")) }
        func unread(_ label: String, _ value: String, _ line: Int) { findings.append(ImportFinding(.unread, line: line, "\(label) '\(value)'")) }
        func metaDate(_ field: PageMetadata.Field, _ label: String) -> CalendarDate? {
            guard let v = metadata[field] else { return nil }
            if let d = DocDate.first(in: v.text)?.date { return d }
            unread(label, v.text, v.line)
            return nil
        }

        f.title = layout.title
        found("标题", layout.title, layout.titleLine)

        // 发布机构: the 发文机关署名 is the document's own word; then the title's 发文机关 (X关于…);
        // then the page's metadata.
        let titleIssuer: String? = {
            guard let r = layout.title.range(of: "关于") else { return nil }
            let head = String(layout.title[..<r.lowerBound])
            return Organisation.looksLikeName(head) ? head : nil
        }()
        if let s = layout.signatureIssuer {
            f.issuer = s.text; found("发文机关署名", s.text, s.line)
        } else if let t = titleIssuer {
            f.issuer = t; found("发文机关 (from the title)", t, layout.titleLine)
        } else if let m = metadata[.issuer] {
            f.issuer = m.text
            found("发布机构", m.text, m.line)
        } else {
            throw Diagnostic(path: path, line: layout.titleLine, message: "no issuer found: neither a 发文机关署名, a 发文机关 in the title, nor a 发布机构 field")
        }

        let written = metaDate(.writtenDate, "成文日期")
        let issued = metaDate(.issuedDate, "发文日期")
        let generated = metaDate(.generatedDate, "生成日期")
        let publishedMeta = metaDate(.published, "发布日期")
        if let s = layout.signatureDate {
            f.date = s.date; found("成文日期", s.date.description, s.line)
        } else if let d = written ?? issued ?? generated ?? publishedMeta {
            f.date = d; found("成文日期 (from the metadata)", d.description, 0)
            findings.append(ImportFinding(.unread, line: 0, "成文日期 under a signature: none on the page, the metadata date is used"))
        } else {
            throw Diagnostic(path: path, line: layout.titleLine, message: "no date found: neither a 成文日期 under the signature nor a date field")
        }
        // 发布日期 only from a field that says so (发布日期, 生成日期, the page's 发布时间 line): a
        // 发文日期 is the document's date, not its publication.
        f.published = publishedMeta ?? generated ?? chromePublished?.0
        _ = (issued, written)
        if let p = f.published { found("发布日期", p.description, metadata[.published]?.line ?? chromePublished?.1 ?? 0) }

        if let v = metadata[.docNo] {
            if let n = DocNumber.first(in: v.text) { f.docNo = n.docNo; found("文号", n.docNo, v.line) } else { unread("文号", v.text, v.line) }
        }
        if f.docNo == nil, let d = layout.docNo { f.docNo = d.text; found("文号", d.text, d.line) }
        if let v = metadata[.indexNo] { f.indexNo = v.text; found("索引号", v.text, v.line) }
        if let v = metadata[.topics] {
            f.topics = Responsibilities.splitUnits(v.text.replacingOccurrences(of: " ", with: "、"))
            found("主题分类", f.topics.joined(separator: "、"), v.line)
        }
        if let v = metadata[.genre] { f.genre = v.text; found("体裁分类", v.text, v.line) }
        else if let g = GenreValue.fromTitle(layout.title) { f.genre = g; found("体裁分类 (from the title)", g, layout.titleLine) }
        if let v = metadata[.disclosure] { f.disclosure = v.text; found("公开方式", v.text, v.line) }
        if let v = metadata[.scope] { f.scope = v.text; found("公开范围", v.text, v.line) }
        if let v = metadata[.status] {
            if let s = StatusValue.normalise(v.text) { f.status = s; found("时效性", s, v.line) } else { unread("时效性", v.text, v.line) }
        }
        f.effective = metaDate(.effective, "生效日期")
        f.expires = metaDate(.expires, "废止日期")
        if let v = metadata[.keywords] {
            // A keyword field that only repeats the title says nothing (CMSs fill it so).
            if Self.repeatsTitle(v.text, layout.title) {
                findings.append(ImportFinding(.note, line: v.line, "关键词 only repeats the title: left out"))
            } else {
                f.keywords = v.text.split(whereSeparator: { " 、,，;；\t".contains($0) }).map(String.init).filter { !$0.isEmpty }
                found("关键词", f.keywords.joined(separator: "、"), v.line)
            }
        }
        if let v = metadata[.summary] {
            if Self.repeatsTitle(v.text, layout.title) {
                findings.append(ImportFinding(.note, line: v.line, "内容概述 only repeats the title: left out"))
            } else {
                f.summary = v.text; found("内容概述", v.text, v.line)
            }
        }
        if f.docNo == nil { findings.append(ImportFinding(.unread, line: 0, "文号: none on the page")) }
        if layout.addressee == nil { findings.append(ImportFinding(.note, line: 0, "no 主送机关 line: the page is read as a document without a cover letter")) }

        if let n = f.docNo.flatMap({ DocNumber.first(in: $0) }) {
            f.slug = "\(n.year)-\(n.serial)"
        } else {
            f.slug = "\(f.date.year)-\(StableHash.hex(of: f.title).prefix(8))"
        }
        return f
    }
}
