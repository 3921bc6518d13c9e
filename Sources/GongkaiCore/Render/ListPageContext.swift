extension PageContext {
    /// A paginated list of records: all of them, or one term's.
    func list(heading: String, section: String, records indices: [Int], paginator: Paginator,
              breadcrumbs: [(label: String, href: String?)], pagePath: (Int) -> String) -> [String: Any] {
        var context = base(section: section, breadcrumbs: breadcrumbs)
        context["heading"] = heading
        context["total"] = indices.count
        let slice = indices[paginator.range]
        context["items"] = items(slice)
        context["hasItems"] = !slice.isEmpty
        var pagination: [String: Any] = [
            "number": paginator.number, "count": paginator.count,
            "isPaged": paginator.count > 1, "isLater": paginator.number > 1,
            "pages": PaginationWindow.numbers(current: paginator.number, count: paginator.count).map { number -> [String: Any] in
                guard let number else { return ["gap": true] }
                return ["number": number, "href": pagePath(number), "current": number == paginator.number]
            },
        ]
        if paginator.number > 1 { pagination["previous"] = pagePath(paginator.number - 1) }
        if paginator.number < paginator.count { pagination["next"] = pagePath(paginator.number + 1) }
        context["pagination"] = pagination
        return context
    }

    func allRecords(_ paginator: Paginator) -> [String: Any] {
        list(heading: "全部文件", section: "records", records: Array(model.records.indices), paginator: paginator,
             breadcrumbs: [("全部文件", nil)], pagePath: PagePath.recordList(page:))
    }

    func term(_ kind: TaxonomyKind, _ termIndex: Int, _ paginator: Paginator) -> [String: Any] {
        let term = model.taxonomy(kind).terms[termIndex]
        let heading = kind == .year ? "\(term.name)年" : term.name
        var context = list(heading: heading, section: kind.rawValue, records: term.records, paginator: paginator,
                           breadcrumbs: [(kind.label, PagePath.taxonomyIndex(kind)), (heading, nil)],
                           pagePath: { PagePath.term(kind, term.slug, page: $0) })
        if kind == .issuer, paginator.number == 1 {
            let rows = scorecard(records: term.records)
            if !rows.isEmpty {
                context["scorecard"] = ["rows": rows, "count": rows.count, "issuer": term.name,
                                        "hasValues": model.hasReportedValues] as [String: Any]
            }
        }
        return context
    }

    func terms(_ kind: TaxonomyKind) -> [String: Any] {
        let taxonomy = model.taxonomy(kind)
        var context = base(section: kind.rawValue, breadcrumbs: [(kind.label, nil)])
        context["heading"] = kind.label
        context["termCount"] = taxonomy.terms.count
        context["terms"] = taxonomy.terms.map(termLink(kind))
        return context
    }

    func termLink(_ kind: TaxonomyKind) -> (Term) -> [String: Any] {
        { term in
            ["name": kind == .year ? "\(term.name)年" : term.name, "count": term.records.count,
             "href": PagePath.term(kind, term.slug, page: 1)]
        }
    }

    /// The home page: what the site is, counts, the latest records, the ways in.
    func home() -> [String: Any] {
        var context = base(section: "home")
        let latest = model.records.indices.prefix(model.config.homeLatest)
        context["items"] = items(latest)
        context["hasItems"] = !latest.isEmpty
        var stats: [[String: Any]] = [["label": "件政策文件", "count": model.records.count, "href": PagePath.recordList(page: 1)]]
        for kind in [TaxonomyKind.issuer, .topic, .year] {
            stats.append(["label": "个\(kind.label)", "count": model.taxonomy(kind).terms.count, "href": PagePath.taxonomyIndex(kind)])
        }
        stats.append(["label": "项量化指标", "count": model.indicators.indicators.count, "href": PagePath.indicatorIndex])
        context["stats"] = stats
        var ways = model.taxonomies.map { taxonomy -> [String: Any] in
            [
                "id": taxonomy.kind.rawValue, "label": taxonomy.kind.label, "href": PagePath.taxonomyIndex(taxonomy.kind),
                "terms": taxonomy.terms.prefix(8).map(termLink(taxonomy.kind)),
            ]
        }
        // The indicators most documents set: where comparison across governments says most.
        let shared = model.indicators.indicators.enumerated()
            .sorted { ($1.element.recordCount, $0.offset) < ($0.element.recordCount, $1.offset) }.prefix(8)
        ways.append([
            "id": "indicators", "label": "指标", "href": PagePath.indicatorIndex,
            "terms": shared.map { ["name": $0.element.name, "count": $0.element.recordCount, "href": PagePath.indicator($0.element.id)] },
        ])
        context["ways"] = ways
        return context
    }
}
