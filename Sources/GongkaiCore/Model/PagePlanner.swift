/// Lists every page of the site with its output path, template and inputs.
struct PagePlanner {
    let model: SiteModel

    func pages() -> [Page] {
        let records = model.records
        let all = Array(records.indices)
        let withTargets = all.filter { !records[$0].indicators.isEmpty }
        var pages: [Page] = [
            Page(kind: .home, path: PagePath.home, template: "home", feeds: Array(all.prefix(model.config.homeLatest)), showsTotals: true),
            Page(kind: .notFound, path: PagePath.notFound, template: "404", feeds: [], showsTotals: false),
        ]
        // On all cores: they are most of the pages.
        pages += records.indices.parallelMap { index in
            // Neighbours feed the page too: previous/next show their titles.
            let feeds = [index - 1, index, index + 1].filter { records.indices.contains($0) }
            return Page(kind: .record(index), path: PagePath.record(records[index].slug), template: "record",
                        feeds: feeds, showsTotals: false, dataInputs: records[index].indicators.isEmpty ? [] : model.dataInputs)
        }
        for paginator in Paginator.pages(total: records.count, size: model.config.pageSize) {
            pages.append(Page(kind: .recordList(paginator), path: PagePath.recordList(page: paginator.number), template: "list",
                              feeds: Array(paginator.range), showsTotals: true))
        }
        for taxonomy in model.taxonomies {
            pages.append(Page(kind: .taxonomyIndex(taxonomy.kind), path: PagePath.taxonomyIndex(taxonomy.kind),
                              template: "terms", feeds: [], showsTotals: true))
            for (termIndex, term) in taxonomy.terms.enumerated() {
                for paginator in Paginator.pages(total: term.records.count, size: model.config.pageSize) {
                    // An issuer's first page carries its scorecard: all its targets.
                    let scorecard = taxonomy.kind == .issuer && paginator.number == 1
                    let feeds = scorecard ? Array(Set(term.records[paginator.range]).union(term.records)).sorted()
                                          : Array(term.records[paginator.range])
                    pages.append(Page(kind: .term(taxonomy.kind, term: termIndex, paginator),
                                      path: PagePath.term(taxonomy.kind, term.slug, page: paginator.number),
                                      template: "list", feeds: feeds, showsTotals: true,
                                      dataInputs: scorecard ? model.dataInputs : []))
                }
            }
        }
        pages.append(Page(kind: .indicatorIndex, path: PagePath.indicatorIndex, template: "indicators",
                          feeds: withTargets, showsTotals: true, dataInputs: model.dataInputs))
        for (index, indicator) in model.indicators.indicators.enumerated() {
            let feeds = Array(Set(indicator.entries.map(\.record))).sorted()
            pages.append(Page(kind: .indicator(index), path: PagePath.indicator(indicator.id), template: "indicator",
                              feeds: feeds, showsTotals: false, dataInputs: model.dataInputs))
            for (download, path) in [(Download.indicatorCSV(index), PagePath.indicatorCSV(indicator.id)),
                                     (.indicatorJSON(index), PagePath.indicatorJSON(indicator.id))] {
                pages.append(Page(kind: .download(download), path: path, template: "download", feeds: feeds,
                                  showsTotals: false, dataInputs: model.dataInputs))
            }
        }
        for (download, path) in [(Download.indicatorsCSV, PagePath.indicatorsCSV), (.indicatorsJSON, PagePath.indicatorsJSON)] {
            pages.append(Page(kind: .download(download), path: path, template: "download", feeds: withTargets,
                              showsTotals: true, dataInputs: model.dataInputs))
        }
        pages.append(Page(kind: .download(.records), path: PagePath.recordsJSON, template: "download", feeds: all, showsTotals: true))
        return pages
    }
}
