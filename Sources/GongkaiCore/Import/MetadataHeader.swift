/// The disclosure metadata block that 政府信息公开 pages print above the document: label/value
/// pairs, several to a line (索引号 … 组配分类 …), one to a line, or a label with its value on
/// the next line. Labels may be spaced out (索 引 号) and end in ：or : or nothing.
struct PageMetadata: Sendable {
    enum Field: String, Sendable, CaseIterable {
        case indexNo, group, issuer, writtenDate, issuedDate, generatedDate, published, docNo, topics, genre
        case disclosure, scope, status, keywords, summary, effective, expires, title, language, source, period
    }

    struct Value: Sendable {
        var text: String
        var line: Int
    }

    var values: [Field: Value] = [:]
    /// Line numbers that were metadata, so the layout step skips them.
    var consumed: Set<Int> = []
    var findings: [ImportFinding] = []

    subscript(_ field: Field) -> Value? { values[field] }
}

enum MetadataHeader {
    /// Label spellings (without spaces) and the field each one fills.
    static let labels: [(String, PageMetadata.Field)] = [
        ("索引号", .indexNo), ("组配分类", .group), ("信息分类", .group), ("发布机构", .issuer), ("发文机关", .issuer),
        ("发文单位", .issuer), ("发布单位", .issuer), ("公开主体", .issuer), ("成文日期", .writtenDate), ("发文日期", .issuedDate),
        ("生成日期", .generatedDate), ("发布日期", .published), ("公开日期", .published), ("发布时间", .published),
        ("文号", .docNo), ("发文字号", .docNo), ("文件编号", .docNo), ("主题分类", .topics), ("体裁分类", .genre), ("文种", .genre),
        ("公开方式", .disclosure), ("公开形式", .disclosure), ("公开范围", .scope), ("时效性", .status), ("有效性", .status),
        ("效力状态", .status), ("关键词", .keywords), ("关键字", .keywords), ("主题词", .keywords), ("内容概述", .summary),
        ("内容摘要", .summary), ("摘要", .summary), ("生效日期", .effective), ("施行日期", .effective), ("实施日期", .effective),
        ("废止日期", .expires), ("失效日期", .expires), ("名称", .title), ("标题", .title), ("文件名称", .title), ("语种", .language),
        ("信息来源", .source), ("来源", .source), ("实施期限", .period),
    ]

    nonisolated(unsafe) private static let labelRegex: Regex<AnyRegexOutput> = {
        let alternatives = labels.map(\.0).sorted { $0.count > $1.count }.map { label in
            label.map(String.init).joined(separator: #"[ \t\u3000]*"#)
        }
        return try! Regex(#"(?:^|[ \t\u3000|]+)("# + alternatives.joined(separator: "|") + #")[ \t\u3000]*(?:[:：]|(?=[ \t\u3000|])|$)"#)
    }()

    private static func field(forLabel label: Substring) -> PageMetadata.Field? {
        let plain = label.filter { !$0.isWhitespace && $0 != "\u{3000}" }
        return labels.first { $0.0 == plain }?.1
    }

    /// Reads the labelled pairs in the first lines of the page. Scanning stops at the first line
    /// of prose (a sentence with 。) or at the 主送机关 line.
    static func parse(_ lines: [SourceLine]) -> PageMetadata {
        var meta = PageMetadata()
        var pendingLabel: (PageMetadata.Field, Int)?
        // A row of labels whose values are in the next row (a table copied column by column).
        var pendingColumns: (fields: [PageMetadata.Field], labels: [String], line: Int)?
        var prose = 0
        for line in lines.prefix(60) {
            let text = line.trimmed
            if text.isEmpty { continue }
            let matches = text.matches(of: labelRegex)
            if let columns = pendingColumns {
                pendingColumns = nil
                let cells = splitColumns(text)
                if matches.isEmpty, cells.count == columns.fields.count {
                    for (field, cell) in zip(columns.fields, cells) { assign(field, cell, line: line.number, labelLine: columns.line, into: &meta) }
                    meta.consumed.insert(line.number)
                    continue
                }
                for label in columns.labels {
                    meta.findings.append(ImportFinding(.unread, line: columns.line, "\(label): the field is empty"))
                }
            }
            if matches.isEmpty {
                if let (field, labelLine) = pendingLabel, !NoticeLayout.isTitleLike(text), !NoticeLayout.isAddressee(text) {
                    // Column layout: the label stood alone, its value is this line.
                    assign(field, text, line: line.number, labelLine: labelLine, into: &meta)
                    meta.consumed.insert(line.number)
                    pendingLabel = nil
                    continue
                }
                if text.contains("。") || text.count > 80 { prose += 1; if prose >= 2 { break } }
                continue
            }
            guard matches.first!.range.lowerBound == text.startIndex else { continue }
            pendingLabel = nil
            meta.consumed.insert(line.number)
            let valuesEmpty = matches.enumerated().allSatisfy { k, m in
                let end = k + 1 < matches.count ? matches[k + 1].range.lowerBound : text.endIndex
                return text[m.range.upperBound..<end].trimmingPageSpace().isEmpty
            }
            if matches.count >= 2, valuesEmpty {
                let labels = matches.compactMap { $0.output[1].substring.map { String($0.filter { !$0.isWhitespace && $0 != "\u{3000}" }) } }
                let fields = matches.compactMap { $0.output[1].substring.flatMap(field(forLabel:)) }
                if fields.count == matches.count { pendingColumns = (fields, labels, line.number); continue }
            }
            for (k, m) in matches.enumerated() {
                guard let label = m.output[1].substring, let field = field(forLabel: label) else { continue }
                let end = k + 1 < matches.count ? matches[k + 1].range.lowerBound : text.endIndex
                let value = String(text[m.range.upperBound..<end]).trimmingPageSpace()
                if value.isEmpty {
                    // A label alone on its line: its value may be the next line (column layout).
                    if matches.count == 1 { pendingLabel = (field, line.number) }
                    else { meta.findings.append(ImportFinding(.unread, line: line.number, "\(label.filter { !$0.isWhitespace && $0 != "\u{3000}" }): the field is empty")) }
                    continue
                }
                assign(field, value, line: line.number, labelLine: line.number, into: &meta)
            }
        }
        return meta
    }

    /// Cells of a copied table row: tab-separated, or separated by two or more spaces.
    static func splitColumns(_ text: String) -> [String] {
        if text.contains("\t") {
            return text.split(separator: "\t").map { $0.trimmingPageSpace() }.filter { !$0.isEmpty }
        }
        var cells: [String] = []
        var current = ""
        var spaces = 0
        for ch in text {
            if ch == " " || ch == "\u{3000}" { spaces += 1; continue }
            if spaces >= 2 || (spaces >= 1 && ch == "\u{3000}") { if !current.isEmpty { cells.append(current) }; current = "" }
            else if spaces == 1 { current.append(" ") }
            spaces = 0
            current.append(ch)
        }
        if !current.isEmpty { cells.append(current) }
        return cells
    }

    static func assign(_ field: PageMetadata.Field, _ value: String, line: Int, labelLine: Int, into meta: inout PageMetadata) {
        let value = value.trimmingCharacters(in: .init(charactersIn: " \t|")).trimmingPageSpace()
        guard !value.isEmpty, meta.values[field] == nil else { return }
        meta.values[field] = PageMetadata.Value(text: value, line: line)
    }

    /// Values printed without their labels (a metadata table copied without its left column):
    /// each is recognised by its shape. Returns the line numbers it used.
    static func classifyUnlabelled(_ lines: [SourceLine], title: String?, into meta: inout PageMetadata) {
        for line in lines {
            let text = line.trimmed
            if text.isEmpty || meta.consumed.contains(line.number) { continue }
            let folded = Fold.halfWidth(text)
            var used = true
            if let title, text == title || title.hasPrefix(text.replacingOccurrences(of: "...", with: "")) && text.count > 8 {
                // The page repeats the title in its metadata block.
            } else if meta[.indexNo] == nil, isIndexNumber(folded) {
                PageMetadata.assignIfAbsent(.indexNo, text, line.number, &meta)
            } else if let date = DocDate.standalone(text) {
                if meta[.writtenDate] == nil && meta[.issuedDate] == nil && meta[.generatedDate] == nil {
                    PageMetadata.assignIfAbsent(.issuedDate, date.description, line.number, &meta)
                } else {
                    PageMetadata.assignIfAbsent(.published, date.description, line.number, &meta)
                }
            } else if DocNumber.standalone(text) != nil {
                PageMetadata.assignIfAbsent(.docNo, text, line.number, &meta)
            } else if StatusValue.normalise(text) != nil, text.count <= 4 {
                PageMetadata.assignIfAbsent(.status, text, line.number, &meta)
            } else if folded.contains(";") || folded.contains("；") {
                // 主题分类; 组配分类; 体裁分类 run together.
                let parts = folded.split(whereSeparator: { $0 == ";" || $0 == "；" }).map { $0.trimmingPageSpace() }.filter { !$0.isEmpty }
                for part in parts {
                    if GenreValue.known.contains(part) { PageMetadata.assignIfAbsent(.genre, part, line.number, &meta) }
                    else if part.hasSuffix("文件") || part.hasSuffix("类") { PageMetadata.assignIfAbsent(.group, part, line.number, &meta) }
                    else { PageMetadata.assignIfAbsent(.topics, part, line.number, &meta) }
                }
            } else if meta[.issuer] == nil, Organisation.looksLikeName(text) {
                PageMetadata.assignIfAbsent(.issuer, text, line.number, &meta)
            } else {
                used = false
            }
            if used {
                meta.consumed.insert(line.number)
                meta.findings.append(ImportFinding(.note, line: line.number, "metadata value without a label, read by its form: \(text)"))
            }
        }
    }

    /// 11320924014383110/2023-14591, 014184576/2022-00090, 000014349/2023-12345.
    static func isIndexNumber(_ text: String) -> Bool {
        guard text.count >= 8, text.count <= 40, text.contains(where: { $0 == "/" || $0 == "-" }) else { return false }
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "/-_.".contains($0)) }) else { return false }
        return text.filter(\.isNumber).count >= 8 && DocDate.standalone(text) == nil
    }
}

extension PageMetadata {
    static func assignIfAbsent(_ field: Field, _ value: String, _ line: Int, _ meta: inout PageMetadata) {
        if meta.values[field] == nil { meta.values[field] = Value(text: value, line: line) }
    }
}

/// 时效性 values, normalised to the record format's four.
enum StatusValue {
    static func normalise(_ text: String) -> String? {
        let t = text.trimmingPageSpace()
        if t.contains("废止") { return "废止" }
        if t.contains("失效") { return "失效" }
        if t.contains("修订") || t.contains("修改") { return "修订" }
        if t == "有效" || t == "现行有效" || t == "是" || t == "现行" || t == "已生效" || t == "生效" { return "有效" }
        return nil
    }
}

/// 体裁分类 / 文种 words (GB/T 9704 and the 党政机关公文处理工作条例's 15 kinds, plus plan genres).
enum GenreValue {
    static let known: Set<String> = [
        "通知", "意见", "方案", "要点", "计划", "决定", "命令", "令", "公报", "公告", "通告", "通报", "议案", "报告", "请示",
        "批复", "函", "纪要", "决议", "规划", "办法", "规定", "细则", "条例", "规则", "实施方案", "工作要点", "行动计划",
        "实施意见", "指导意见", "其他", "其它",
    ]

    /// The kind of document a title names: …的通知 → 通知; a 印发 notice keeps 通知.
    static func fromTitle(_ title: String) -> String? {
        let ordered = ["通知", "意见", "方案", "要点", "计划", "决定", "通告", "公告", "通报", "报告", "请示", "批复", "函",
                       "纪要", "决议", "规划", "办法", "规定", "细则", "条例", "规则", "命令", "公报"]
        let t = title.trimmingCharacters(in: .init(charactersIn: "》」”\" "))
        return ordered.first { t.hasSuffix($0) }
    }
}

/// Names of issuing bodies: 射阳县人民政府, 太仓市人民政府办公室, 县市场监管局.
enum Organisation {
    static let suffixes = ["人民政府", "政府", "办公室", "办公厅", "委员会", "管委会", "领导小组", "局", "厅", "委", "办", "院",
                           "部", "署", "中心", "公司", "集团", "管理处", "协会", "总会", "联合会", "工会", "党委", "县委", "市委",
                           "区委", "街道办事处", "办事处", "监管局", "分局", "支行", "分行", "海关"]

    static func looksLikeName(_ text: String) -> Bool {
        let t = text.trimmingPageSpace()
        guard t.count >= 2, t.count <= 40, t.hanCount >= 2 else { return false }
        guard !t.contains(where: { "。，,；;：:、!！?？“”\"".contains($0) }) else { return false }
        let core = t.replacingOccurrences(of: "(办公室)", with: "办公室").replacingOccurrences(of: "（办公室）", with: "办公室")
        return suffixes.contains { core.hasSuffix($0) }
    }
}
