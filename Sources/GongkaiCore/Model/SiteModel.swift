/// The whole site as data: records in reading order, the taxonomies, the indicators, and the
/// plan of pages. Built once per build from parsed content; rendering reads it and never changes it.
public struct SiteModel: Sendable {
    public var config: SiteConfig
    /// Newest first (成文日期 descending, then slug), the order of every list.
    public var records: [Record]
    public var taxonomies: [Taxonomy]
    public var indicators: IndicatorIndex
    public var pages: [Page]
    /// Problems that do not stop the build (indicator names missing from the catalogue…).
    public var warnings: [Diagnostic]
    let dataInputs: [String]

    public init(_ content: SiteContent) throws {
        config = content.config
        var seen: [String: String] = [:]
        for record in content.records {
            if let first = seen.updateValue(record.path, forKey: record.slug) {
                throw Diagnostic(path: record.path, message: "slug '\(record.slug)' is already used by \(first)")
            }
        }
        // Sorted by keys taken out once: read through the record's box in the comparison,
        // they were read twenty times a record.
        let keys = content.records.map { (date: $0.date, slug: $0.slug) }
        let sorted = keys.indices.sorted { (keys[$0].date, keys[$1].slug) > (keys[$1].date, keys[$0].slug) }
            .map { content.records[$0] }
        records = sorted
        (taxonomies, indicators) = try inParallel({ try TaxonomyKind.allCases.map { try Taxonomy.build($0, records: sorted) } },
                                                  { IndicatorIndex(records: sorted, catalogue: content.catalogue, values: content.reportedValues) })
        warnings = indicators.warnings + indicators.unmatchedValues.map {
            Diagnostic(path: $0.path, line: $0.line, severity: .warning,
                       message: "reported value for unknown indicator id '\($0.indicatorID)'")
        }
        dataInputs = content.dataInputs
        pages = []
        pages = PagePlanner(model: self).pages()
    }

    public init(config: SiteConfig, records: [Record]) throws {
        try self.init(SiteContent(config: config, records: records))
    }

    public func taxonomy(_ kind: TaxonomyKind) -> Taxonomy {
        taxonomies.first { $0.kind == kind }!
    }

    /// The pages that show data of record `index`.
    public func pages(fedBy index: Int) -> [Page] {
        pages.filter { $0.feeds.contains(index) }
    }
}
