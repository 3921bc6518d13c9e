/// A target's place in the index: `indicators[indicator].entries[entry]`.
public struct EntryReference: Sendable, Hashable, Comparable {
    public var indicator: Int
    public var entry: Int

    public static func < (lhs: EntryReference, rhs: EntryReference) -> Bool {
        (lhs.indicator, lhs.entry) < (rhs.indicator, rhs.entry)
    }
}

/// One record's target for an indicator, placed: which record, and how it stands.
public struct TargetEntry: Sendable, Hashable {
    /// Index into `SiteModel.records`.
    public var record: Int
    /// Index into that record's `indicators`.
    public var position: Int
    public var target: IndicatorTarget
    public var assessment: Assessment
}

/// An indicator across the whole archive: every document's target for it, and the values
/// reported for it.
public struct IndicatorSummary: Sendable, Hashable {
    public var id: String
    public var name: String
    public var unit: String
    public var better: BetterDirection?
    /// False when no catalogue entry matched: the page still shows, and the build warns.
    public var catalogued: Bool
    /// The names documents use for it (the catalogue name first).
    public var names: [String]
    /// Newest record first, as every list.
    public var entries: [TargetEntry]
    /// All reported values, by jurisdiction then year.
    public var values: [ReportedValue]

    public var recordCount: Int { Set(entries.map(\.record)).count }
    public var years: [Int] { Array(Set(entries.compactMap(\.target.year))).sorted() }

    /// The lowest and highest number any document sets.
    public var targetRange: ClosedRange<Double>? {
        let numbers = entries.flatMap { [$0.target.target] + ($0.target.targetMax.map { [$0] } ?? []) }
        guard let low = numbers.min(), let high = numbers.max() else { return nil }
        return low...high
    }
}

/// All indicators, in catalogue order (uncatalogued ones after, by name), with each record
/// target resolved to an indicator id.
public struct IndicatorIndex: Sendable {
    public var indicators: [IndicatorSummary]
    /// Record index → where each of its targets stands in `indicators`, in the record's own
    /// order, so record pages and scorecards need not scan the whole archive.
    public var entriesByRecord: [[EntryReference]]
    /// Names that matched no catalogue entry, as warnings for editors.
    public var warnings: [Diagnostic]
    /// Reported values whose indicator id is in no catalogue entry or record.
    public var unmatchedValues: [ReportedValue]

    init(records: [Record], catalogue: IndicatorCatalogue, values: [ReportedValue]) {
        var warnings: [Diagnostic] = []
        // Summaries are changed in place through their position: taking one out of a dictionary
        // to append to it would copy its entries on every target.
        var summaries: [IndicatorSummary] = []
        var positionByID: [String: Int] = [:]
        let valuesByID = Dictionary(grouping: values, by: \.indicatorID)
        for (recordIndex, record) in records.enumerated() {
            for (position, target) in record.indicators.enumerated() {
                let entry = target.id.flatMap(catalogue.entry(for:)) ?? catalogue.entry(for: target.name)
                let id = entry?.id ?? target.id ?? "x-" + StableHash.hex(of: target.name).prefix(10)
                // An id given in the record links targets by itself; only a bare name that
                // matches nothing needs the editors' attention.
                if entry == nil, target.id == nil {
                    warnings.append(Diagnostic(path: record.path, line: target.line, severity: .warning,
                                               message: "indicator '\(target.name)' is not in Content/indicators.yml; add it (or an alias) to compare it across documents"))
                }
                let index = positionByID[id] ?? {
                    positionByID[id] = summaries.count
                    summaries.append(IndicatorSummary(
                        id: id, name: entry?.name ?? target.name, unit: entry?.unit ?? target.unit, better: entry?.better,
                        catalogued: entry != nil, names: entry.map { [$0.name] } ?? [], entries: [],
                        values: (valuesByID[id] ?? []).sorted { ($0.jurisdiction, $0.year) < ($1.jurisdiction, $1.year) }))
                    return summaries.count - 1
                }()
                if !summaries[index].names.contains(target.name) { summaries[index].names.append(target.name) }
                let reported = summaries[index].values.filter { $0.jurisdiction == record.issuer || $0.jurisdiction == record.region }
                summaries[index].entries.append(TargetEntry(
                    record: recordIndex, position: position, target: target,
                    assessment: .assess(target, values: reported, better: summaries[index].better)))
            }
        }
        let indicators = summaries.sorted {
            (catalogue.position(of: $0.id) ?? Int.max, $0.name) < (catalogue.position(of: $1.id) ?? Int.max, $1.name)
        }
        // Every target has an entry, so each record's slots are all filled.
        var entriesByRecord = records.map { Array(repeating: EntryReference(indicator: 0, entry: 0), count: $0.indicators.count) }
        // By index: taking out each entry copied its target's strings, retaining every one.
        for (indicatorIndex, indicator) in indicators.enumerated() {
            for entryIndex in indicator.entries.indices {
                let (record, position) = (indicator.entries[entryIndex].record, indicator.entries[entryIndex].position)
                entriesByRecord[record][position] = EntryReference(indicator: indicatorIndex, entry: entryIndex)
            }
        }
        self.indicators = indicators
        self.entriesByRecord = entriesByRecord
        self.warnings = warnings.sorted { ($0.path, $0.line) < ($1.path, $1.line) }
        let known = Set(positionByID.keys).union(catalogue.entries.map(\.id))
        unmatchedValues = values.filter { !known.contains($0.indicatorID) }
    }
}
