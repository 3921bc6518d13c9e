/// The ways into the archive that list pages offer: by issuer, topic, year, genre and status.
public enum TaxonomyKind: String, Sendable, CaseIterable, Hashable {
    case issuer = "issuers"
    case topic = "topics"
    case year = "years"
    case genre = "genres"
    case status = "status"

    /// The heading used on pages: 按发布机构.
    public var label: String {
        switch self {
        case .issuer: return "发布机构"
        case .topic: return "主题分类"
        case .year: return "成文年份"
        case .genre: return "体裁分类"
        case .status: return "时效性"
        }
    }

    /// The terms a record files under.
    func terms(of record: Record) -> [String] {
        switch self {
        case .issuer: return [record.issuer]
        case .topic: return record.topics
        case .year: return [String(record.date.year)]
        case .genre: return record.genre.map { [$0] } ?? []
        case .status: return record.status.map { [$0] } ?? []
        }
    }

    /// The output folder of this taxonomy, also its URL segment.
    public var folder: String { rawValue }
}

/// One value of a taxonomy (射阳县人民政府, 2023, 有效) and the records filed under it.
public struct Term: Sendable, Hashable {
    public var name: String
    /// ASCII file name stem: the year, a fixed word for a status, else a hash of the name, so
    /// paths are the same on every build and safe on any web server or file system.
    public var slug: String
    /// Indices into `SiteModel.records`, newest first.
    public var records: [Int]
}

public struct Taxonomy: Sendable, Hashable {
    public var kind: TaxonomyKind
    public var terms: [Term]

    /// Files every record under its terms. Terms are ordered for reading: years newest first,
    /// statuses in their fixed order, other names by how many records they hold, then by name.
    static func build(_ kind: TaxonomyKind, records: [Record]) throws -> Taxonomy {
        var byName: [String: [Int]] = [:]
        for (index, record) in records.enumerated() {
            // A record names a term once even if it lists it twice; a set per record to see to
            // that cost as much as the filing (500,000 of them at 100,000 records).
            let names = kind.terms(of: record)
            for (position, name) in names.enumerated() where !names[..<position].contains(name) {
                byName[name, default: []].append(index)
            }
        }
        var terms = byName.map { Term(name: $0.key, slug: slug(for: $0.key, in: kind), records: $0.value) }
        switch kind {
        case .year: terms.sort { $0.name > $1.name }
        case .status:
            terms.sort { (Record.statuses.firstIndex(of: $0.name) ?? 99, $0.name) < (Record.statuses.firstIndex(of: $1.name) ?? 99, $1.name) }
        default: terms.sort { ($0.records.count, $1.name) > ($1.records.count, $0.name) }
        }
        var seen: [String: String] = [:]
        for term in terms {
            if let other = seen.updateValue(term.name, forKey: term.slug) {
                throw Diagnostic(path: "Content/records", message: "\(kind.label) '\(term.name)' and '\(other)' map to the same page name \(term.slug); rename one")
            }
        }
        return Taxonomy(kind: kind, terms: terms)
    }

    static func slug(for name: String, in kind: TaxonomyKind) -> String {
        switch kind {
        case .year where name.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }): return name
        case .status: if let word = statusWords[name] { return word }
        default: break
        }
        // "t" and the hash's first ten hex digits, written straight into a small string: pages
        // link to terms a dozen times each.
        var hash = StableHash()
        hash.combine(name)
        let value = hash.value >> 24
        return String(unsafeUninitializedCapacity: 11) { buffer in
            buffer[0] = UInt8(ascii: "t")
            for digit in 0..<10 {
                let nibble = UInt8(truncatingIfNeeded: value >> (36 - 4 * digit)) & 0xF
                buffer[1 + digit] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 11
        }
    }

    private static let statusWords = ["有效": "valid", "失效": "expired", "废止": "repealed", "修订": "revised"]
}
