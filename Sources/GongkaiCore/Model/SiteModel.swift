/// The whole site as data: records in reading order, the taxonomies, and the plan of pages.
/// Built once per build from parsed records; rendering reads it and never changes it.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    /// Newest first (成文日期 descending, then slug), the order of every list.
    public var records: [Record]
    public var taxonomies: [Taxonomy]
    public var pages: [Page]

    public init(config: SiteConfig, records: [Record]) throws {
        self.config = config
        var seen: [String: String] = [:]
        for record in records {
            if let first = seen.updateValue(record.path, forKey: record.slug) {
                throw Diagnostic(path: record.path, message: "slug '\(record.slug)' is already used by \(first)")
            }
        }
        let sorted = records.sorted { ($0.date, $1.slug) > ($1.date, $0.slug) }
        self.records = sorted
        taxonomies = try TaxonomyKind.allCases.map { try Taxonomy.build($0, records: sorted) }
        pages = []
        pages = planPages()
    }

    public func taxonomy(_ kind: TaxonomyKind) -> Taxonomy {
        taxonomies.first { $0.kind == kind }!
    }

    /// The pages that show data of record `index`.
    public func pages(fedBy index: Int) -> [Page] {
        pages.filter { $0.feeds.contains(index) }
    }

    private func planPages() -> [Page] {
        let all = Array(records.indices)
        var pages: [Page] = [
            Page(kind: .home, path: PagePath.home, template: "home", feeds: Array(all.prefix(config.homeLatest)), showsTotals: true),
            Page(kind: .notFound, path: PagePath.notFound, template: "404", feeds: [], showsTotals: false),
        ]
        for index in records.indices {
            // Neighbours feed the page too: previous/next show their titles.
            let feeds = [index - 1, index, index + 1].filter { records.indices.contains($0) }
            pages.append(Page(kind: .record(index), path: PagePath.record(records[index].slug), template: "record",
                              feeds: feeds, showsTotals: false))
        }
        for paginator in Paginator.pages(total: records.count, size: config.pageSize) {
            pages.append(Page(kind: .recordList(paginator), path: PagePath.recordList(page: paginator.number), template: "list",
                              feeds: Array(paginator.range), showsTotals: true))
        }
        for taxonomy in taxonomies {
            pages.append(Page(kind: .taxonomyIndex(taxonomy.kind), path: PagePath.taxonomyIndex(taxonomy.kind),
                              template: "terms", feeds: [], showsTotals: true))
            for (termIndex, term) in taxonomy.terms.enumerated() {
                for paginator in Paginator.pages(total: term.records.count, size: config.pageSize) {
                    pages.append(Page(kind: .term(taxonomy.kind, term: termIndex, paginator),
                                      path: PagePath.term(taxonomy.kind, term.slug, page: paginator.number),
                                      template: "list", feeds: Array(term.records[paginator.range]), showsTotals: true))
                }
            }
        }
        return pages
    }
}
