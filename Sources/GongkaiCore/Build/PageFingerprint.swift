/// The fingerprint of a planned page: a hash of exactly the data the page shows, computed from
/// the model without rendering. Two builds that give a page the same fingerprint render it to
/// the same bytes, so an incremental build renders only pages whose fingerprint changed.
///
/// Every page hashes: its path, template and kind, `site.yml`, all templates (see
/// `BuildInputs.templates`), the record count (every page's `site.recordCount`) and each of its
/// `dataInputs` files. Then, by kind:
/// - record page: its record's file hash, path and slug, and the previous and next records'
///   slug and title (the neighbour links);
/// - record list and term pages: the list summaries (slug, title, date, doc_no, issuer,
///   status) of the records in the page's range, the list's total, the term's name and slug,
///   and the pagination;
/// - an issuer's first page also shows its scorecard: the metadata (front matter) of all of
///   the issuer's records;
/// - taxonomy index: every term's name, slug and count;
/// - home: the latest records' summaries, every taxonomy's term count and first terms, and
///   every indicator's id, name and record count;
/// - indicator index, indicator pages and downloads: the path and front matter of every
///   record that feeds them (their data files are among the `dataInputs`);
/// - 404: nothing more.
///
/// **Fallback rule.** A page kind not listed here (one added after this was written: indicator
/// pages, CSV or JSON downloads, …) hashes *every* input: all records' files, all data files,
/// `site.yml` and templates. Such a page re-renders on any change, which is always correct;
/// give it a precise rule here once its inputs are known. When a page context starts to read
/// more data (a new list-item field, say), extend `summary` or its kind's rule, or the
/// incremental build test against a clean build will fail.
public struct PageFingerprinter: Sendable {
    public let model: SiteModel
    public let inputs: BuildInputs
    /// How many terms of each taxonomy the home page shows.
    static let homeTermsShown = 8

    /// Each record's list summary, hashed once per build: lists share records.
    private let summaries: [UInt64]
    /// Each record's path and front matter, hashed once per build: the indicator pages and
    /// downloads hash them for a million feeds at 100,000 records, and reading each from its
    /// record, scattered across the heap, cost more than the hashing.
    private let metadataHashes: [UInt64]
    /// What every page hashes first, taken once per build.
    private let shared: StableHash

    public init(model: SiteModel, inputs: BuildInputs) {
        self.model = model
        self.inputs = inputs
        summaries = model.records.indices.parallelMap { Self.summary(model.records, $0) }
        metadataHashes = model.records.parallelMap { record in
            var hash = StableHash()
            hash.combine(record.path)
            hash.combine(record.metadataFingerprint)
            return hash.value
        }
        var shared = StableHash()
        shared.combine("page-v2")
        shared.combine(inputs.siteConfig)
        shared.combine(inputs.templates)
        shared.combine(String(model.records.count))
        self.shared = shared
    }

    public func fingerprint(of page: Page) -> String {
        var hash = shared
        hash.combine(page.path)
        hash.combine(page.template)
        for input in page.dataInputs {
            hash.combine(input)
            hash.combine(inputs.dataFiles[input] ?? "missing")
        }
        // `if case` rather than `switch`, so a kind added later falls through to the fallback.
        if case let .record(index) = page.kind {
            hash.combine("record")
            hash.combine(model.records[index].path)
            hash.combine(model.records[index].slug)
            hash.combine(model.records[index].fingerprint)
            for neighbour in [index - 1, index + 1] {
                if model.records.indices.contains(neighbour) {
                    hash.combine(model.records[neighbour].slug)
                    hash.combine(model.records[neighbour].title)
                } else {
                    hash.combine("none")
                }
            }
        } else if case let .recordList(paginator) = page.kind {
            hash.combine("list")
            list(model.records.indices, paginator, into: &hash)
        } else if case let .term(kind, termIndex, paginator) = page.kind {
            let term = model.taxonomy(kind).terms[termIndex]
            hash.combine("term \(kind.rawValue)")
            hash.combine(term.name)
            hash.combine(term.slug)
            list(term.records, paginator, into: &hash)
            if kind == .issuer, paginator.number == 1 { metadata(of: page.feeds, into: &hash) }
        } else if case let .taxonomyIndex(kind) = page.kind {
            hash.combine("terms \(kind.rawValue)")
            terms(model.taxonomy(kind).terms[...], into: &hash)
        } else if case .home = page.kind {
            hash.combine("home")
            for index in model.records.indices.prefix(model.config.homeLatest) { Self.combine(summaries[index], into: &hash) }
            for taxonomy in model.taxonomies {
                hash.combine(String(taxonomy.terms.count))
                terms(taxonomy.terms.prefix(Self.homeTermsShown), into: &hash)
            }
            for indicator in model.indicators.indicators {
                hash.combine("\(indicator.id) \(indicator.name) \(indicator.recordCount)")
            }
        } else if case .indicatorIndex = page.kind {
            hash.combine("indicators")
            metadata(of: page.feeds, into: &hash)
        } else if case let .indicator(index) = page.kind {
            hash.combine("indicator \(model.indicators.indicators[index].id)")
            metadata(of: page.feeds, into: &hash)
        } else if case let .download(download) = page.kind {
            hash.combine("download \(download)")
            metadata(of: page.feeds, into: &hash)
        } else if case .notFound = page.kind {
            hash.combine("404")
        } else {
            hash.combine(String(describing: page.kind))
            hash.combine(inputs.everything)
        }
        return hash.hex
    }

    /// `indices` is the whole list (a range for the list of all records: an array of them for
    /// each of its pages grew with the square of the archive).
    private func list(_ indices: some RandomAccessCollection<Int>, _ paginator: Paginator, into hash: inout StableHash) {
        hash.combine("\(indices.count) \(paginator.number) \(paginator.count) \(paginator.range)")
        for index in paginator.slice(of: indices) { Self.combine(summaries[index], into: &hash) }
    }

    private func metadata(of indices: [Int], into hash: inout StableHash) {
        hash.combine(String(indices.count))
        for index in indices { Self.combine(metadataHashes[index], into: &hash) }
    }

    private func terms(_ terms: ArraySlice<Term>, into hash: inout StableHash) {
        for term in terms {
            hash.combine(term.name)
            hash.combine(term.slug)
            hash.combine(String(term.records.count))
        }
    }

    /// What a list item shows of a record.
    private static func combine(_ value: UInt64, into hash: inout StableHash) {
        withUnsafeBytes(of: value) { hash.combine($0) }
    }

    private static func summary(_ records: [Record], _ index: Int) -> UInt64 {
        var hash = StableHash()
        for field in [records[index].slug, records[index].title, records[index].date.description, records[index].docNo ?? "\u{1}",
                      records[index].issuer, records[index].status ?? "\u{1}"] {
            hash.combine(field)
        }
        return hash.value
    }
}
