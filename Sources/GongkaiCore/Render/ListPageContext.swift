extension PageContext {
    /// A paginated list of records: all of them, or one term's. `indices` is the whole list's
    /// record indices; a page reads only its slice.
    func list(heading: String, section: String, records indices: some RandomAccessCollection<Int>, paginator: Paginator,
              breadcrumbs: [(label: String, href: String?)], pagePath: (Int) -> String) -> TemplateObject {
        var context = base(section: section, breadcrumbs: breadcrumbs)
        context["heading"] = .string(heading)
        context["total"] = .int(indices.count)
        let slice = paginator.slice(of: indices)
        context["items"] = items(slice)
        context["hasItems"] = .bool(!slice.isEmpty)
        context["pagination"] = [
            "number": .int(paginator.number), "count": .int(paginator.count),
            "isPaged": .bool(paginator.count > 1), "isLater": .bool(paginator.number > 1),
            "pages": .list(PaginationWindow.numbers(current: paginator.number, count: paginator.count).map { number -> TemplateValue in
                guard let number else { return ["gap": true] }
                return ["number": .int(number), "href": .string(pagePath(number)), "current": .bool(number == paginator.number)]
            }),
            "previous": paginator.number > 1 ? .string(pagePath(paginator.number - 1)) : nil,
            "next": paginator.number < paginator.count ? .string(pagePath(paginator.number + 1)) : nil,
        ]
        return context
    }

    func allRecords(_ paginator: Paginator) -> TemplateObject {
        // The indices as a range: an array of them, made for each of the list's pages, made
        // the pages' cost grow with the square of the archive (5,000 pages × 100,000 at 100k).
        list(heading: "全部文件", section: "records", records: model.records.indices, paginator: paginator,
             breadcrumbs: [("全部文件", nil)], pagePath: PagePath.recordList(page:))
    }

    func term(_ kind: TaxonomyKind, _ termIndex: Int, _ paginator: Paginator) -> TemplateObject {
        let term = model.taxonomy(kind).terms[termIndex]
        let heading = kind == .year ? "\(term.name)年" : term.name
        var context = list(heading: heading, section: kind.rawValue, records: term.records, paginator: paginator,
                           breadcrumbs: [(kind.label, PagePath.taxonomyIndex(kind)), (heading, nil)],
                           pagePath: { PagePath.term(kind, term.slug, page: $0) })
        if kind == .issuer, paginator.number == 1 {
            let rows = scorecard(records: term.records)
            if !rows.isEmpty {
                context["scorecard"] = ["rows": .list(rows), "count": .int(rows.count), "issuer": .string(term.name),
                                        "hasValues": .bool(model.hasReportedValues)]
            }
        }
        return context
    }

    func terms(_ kind: TaxonomyKind) -> TemplateObject {
        let taxonomy = model.taxonomy(kind)
        var context = base(section: kind.rawValue, breadcrumbs: [(kind.label, nil)])
        context["heading"] = .string(kind.label)
        context["termCount"] = .int(taxonomy.terms.count)
        context["terms"] = .list(taxonomy.terms.map(termLink(kind)))
        return context
    }

    func termLink(_ kind: TaxonomyKind) -> (Term) -> TemplateValue {
        { term in
            ["name": .string(kind == .year ? "\(term.name)年" : term.name), "count": .int(term.records.count),
             "href": .string(PagePath.term(kind, term.slug, page: 1))]
        }
    }

    /// The home page: what the site is, counts, the latest records, the ways in.
    func home() -> TemplateObject {
        var context = base(section: "home")
        let latest = model.records.indices.prefix(model.config.homeLatest)
        context["items"] = items(latest)
        context["hasItems"] = .bool(!latest.isEmpty)
        func stat(_ label: String, _ count: Int, _ href: String) -> TemplateValue {
            ["label": .string(label), "count": .int(count), "href": .string(href)]
        }
        var stats = [stat("件政策文件", model.records.count, PagePath.recordList(page: 1))]
        for kind in [TaxonomyKind.issuer, .topic, .year] {
            stats.append(stat("个\(kind.label)", model.taxonomy(kind).terms.count, PagePath.taxonomyIndex(kind)))
        }
        stats.append(stat("项量化指标", model.indicators.indicators.count, PagePath.indicatorIndex))
        context["stats"] = .list(stats)
        var ways = model.taxonomies.map { taxonomy -> TemplateValue in
            [
                "id": .string(taxonomy.kind.rawValue), "label": .string(taxonomy.kind.label),
                "href": .string(PagePath.taxonomyIndex(taxonomy.kind)),
                "terms": .list(taxonomy.terms.prefix(8).map(termLink(taxonomy.kind))),
            ]
        }
        // The indicators most documents set: where comparison across governments says most.
        // Counted once each: the sort compares each count a dozen times.
        let counts = model.indicators.indicators.map(\.recordCount)
        let shared = counts.indices.sorted { (counts[$1], $0) < (counts[$0], $1) }.prefix(8)
        ways.append([
            "id": "indicators", "label": "指标", "href": .string(PagePath.indicatorIndex),
            "terms": .list(shared.map { index in
                let indicator = model.indicators.indicators[index]
                return ["name": .string(indicator.name), "count": .int(counts[index]), "href": .string(PagePath.indicator(indicator.id))]
            }),
        ])
        context["ways"] = .list(ways)
        return context
    }
}
