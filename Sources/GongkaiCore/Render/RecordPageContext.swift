extension PageContext {
    /// The record page: disclosure metadata block, body, its targets, previous and next.
    func record(_ index: Int, bodyHTML: [UInt8]) -> TemplateObject {
        let record = model.records[index]
        var context = base(section: "records", breadcrumbs: [
            ("全部文件", PagePath.recordList(page: 1)),
            (record.issuer, termHref(.issuer, record.issuer)),
            (record.title, nil),
        ])
        context["record"] = [
            "title": .string(record.title), "issuer": .string(record.issuer), "date": .string(record.date.description),
            "meta": metadata(record), "body": .bytes(bodyHTML), "indicatorCount": .int(record.indicators.count),
            "hasIndicators": .bool(!record.indicators.isEmpty), "docNo": .optional(record.docNo),
        ]
        context["indicatorGroups"] = indicatorGroups(of: index)
        context["hasValues"] = .bool(model.hasReportedValues)
        let neighbours: TemplateObject = [
            "previous": index > 0 ? link(index - 1) : nil,
            "next": index + 1 < model.records.count ? link(index + 1) : nil,
        ]
        if !neighbours.isEmpty { context["neighbours"] = .object(neighbours) }
        return context
    }

    private func link(_ index: Int) -> TemplateValue {
        ["title": .string(model.records[index].title), "href": .string(PagePath.record(model.records[index].slug))]
    }

    func termHref(_ kind: TaxonomyKind, _ name: String) -> String {
        PagePath.term(kind, Taxonomy.slug(for: name, in: kind), page: 1)
    }

    /// The disclosure block in the order government sites print it.
    private func metadata(_ record: Record) -> TemplateValue {
        var rows: [TemplateValue] = []
        rows.reserveCapacity(18)
        func add(_ label: String, _ text: String?, href: String? = nil, wide: Bool = false) {
            if let text, !text.isEmpty { rows.append(Self.metadataRow(label, [Self.metadataValue(text, href: href, last: true)], wide: wide)) }
        }
        func addList(_ label: String, _ texts: [String], href: (String) -> String?, wide: Bool) {
            guard !texts.isEmpty else { return }
            let values = texts.enumerated().map { Self.metadataValue($1, href: href($1), last: $0 == texts.count - 1) }
            rows.append(Self.metadataRow(label, values, wide: wide))
        }
        add("索引号", record.indexNo)
        addList("主题分类", record.topics, href: { termHref(.topic, $0) }, wide: false)
        add("发布机构", record.issuer, href: termHref(.issuer, record.issuer))
        add("成文日期", record.date.chinese, href: termHref(.year, String(record.date.year)))
        add("文号", record.docNo)
        add("发布日期", record.published?.chinese)
        add("体裁分类", record.genre, href: record.genre.map { termHref(.genre, $0) })
        add("时效性", record.status, href: record.status.map { termHref(.status, $0) })
        add("公开方式", record.disclosure)
        add("公开范围", record.scope)
        add("生效日期", record.effective?.chinese)
        add("废止日期", record.expires?.chinese)
        add("实施期限", record.period)
        add("地区", record.region)
        add("标题", record.title, wide: true)
        addList("关键词", record.keywords, href: { _ in nil }, wide: true)
        add("内容概述", record.summary, wide: true)
        add("来源", record.source, wide: true)
        return .list(rows)
    }

    private static func metadataRow(_ label: String, _ values: [TemplateValue], wide: Bool) -> TemplateValue {
        var row = TemplateObject(capacity: 3)
        row.add("label", .string(label))
        row.add("wide", .bool(wide))
        row.add("values", .list(values))
        return .object(row)
    }

    private static func metadataValue(_ text: String, href: String?, last: Bool) -> TemplateValue {
        var value = TemplateObject(capacity: 3)
        value.add("text", .string(text))
        value.add("last", .bool(last))
        value.add("href", .optional(href))
        return .object(value)
    }
}
