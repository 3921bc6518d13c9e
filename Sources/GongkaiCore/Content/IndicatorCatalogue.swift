/// Which way an indicator improves: a pass rate should go up, an accident count down.
public enum BetterDirection: String, Sendable, Hashable {
    case higher, lower
}

/// One canonical indicator of `Content/indicators.yml`: the measure that several documents
/// may name in different words.
public struct CatalogueEntry: Sendable, Hashable {
    public var id: String
    public var name: String
    public var aliases: [String]
    public var unit: String
    public var better: BetterDirection?
    public var description: String?
}

/// `Content/indicators.yml`: canonical ids, names, aliases, units and better directions, in
/// the order the indicator pages list them.
public struct IndicatorCatalogue: Sendable {
    public var entries: [CatalogueEntry]
    private var byKey: [String: Int]

    public init(entries: [CatalogueEntry] = []) {
        self.entries = entries
        var byKey: [String: Int] = [:]
        for (index, entry) in entries.enumerated() {
            for key in [entry.id, entry.name] + entry.aliases where byKey[key] == nil { byKey[key] = index }
        }
        self.byKey = byKey
    }

    /// The entry with this id, name or alias.
    public func entry(for key: String) -> CatalogueEntry? { byKey[key].map { entries[$0] } }

    /// Position in the catalogue, for ordering.
    public func position(of id: String) -> Int? { byKey[id] }

    public static func decode(_ text: String, path: String) throws -> IndicatorCatalogue {
        let reader = YAMLReader(path: path, lineOffset: 0)
        guard let root = try reader.compose(text) else { return IndicatorCatalogue() }
        let top = try reader.mapping(root, "indicators.yml")
        guard let listNode = top["indicators"] else {
            throw reader.error("indicators.yml needs a list 'indicators:'", at: root)
        }
        guard case let .sequence(items, _) = listNode else { throw reader.error("'indicators' must be a list", at: listNode) }
        var entries: [CatalogueEntry] = []
        var seen: [String: String] = [:]
        for item in items {
            let mapping = try reader.mapping(item, "a catalogue entry")
            var entry = CatalogueEntry(id: "", name: "", aliases: [], unit: "", better: nil)
            for (keyNode, value) in mapping {
                let key = keyNode.string ?? ""
                switch key {
                case "id": entry.id = try reader.requiredString(value, key)
                case "name": entry.name = try reader.requiredString(value, key)
                case "aliases": entry.aliases = try reader.stringList(value, key)
                case "unit": entry.unit = try reader.string(value, key) ?? ""
                case "description": entry.description = try reader.string(value, key)
                case "better":
                    let text = try reader.requiredString(value, key)
                    guard let better = BetterDirection(rawValue: text) else {
                        throw reader.error("'better' must be higher or lower, not '\(text)'", at: value)
                    }
                    entry.better = better
                default: throw reader.error("unknown key '\(key)' in a catalogue entry (id, name, aliases, unit, better, description)", at: keyNode)
                }
            }
            guard !entry.id.isEmpty, !entry.name.isEmpty else { throw reader.error("a catalogue entry needs 'id' and 'name'", at: item) }
            guard RecordDecoder.isValidSlug(entry.id) else {
                throw reader.error("id '\(entry.id)' must be lowercase ASCII letters, digits and '-'", at: item)
            }
            for key in [entry.id, entry.name] + entry.aliases {
                if let other = seen.updateValue(entry.id, forKey: key), other != entry.id {
                    throw reader.error("'\(key)' names both '\(other)' and '\(entry.id)'", at: item)
                }
            }
            entries.append(entry)
        }
        return IndicatorCatalogue(entries: entries)
    }
}
