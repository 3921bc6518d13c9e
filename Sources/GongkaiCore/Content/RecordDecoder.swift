/// Turns one record file's text into a `Record`: front matter split, YAML composed by Yams,
/// keys read by their English names or Chinese labels, every problem located in the file.
public struct RecordDecoder: Sendable {
    public init() {}

    /// Decodes `text`, the content of the file at `path` (relative, used in messages).
    public func decode(_ text: String, path: String) throws -> Record {
        let slug = try checkedSlug(path)
        let parts = try FrontMatter.split(text, path: path)
        return try decode(yaml: parts.yaml, firstLine: parts.yamlFirstLine, fingerprint: ContentHash.hex(of: text),
                          slug: slug, path: path)
    }

    /// Decodes a record file's bytes. Only the front matter is made a `String`; the body is
    /// just checked to be UTF-8, as it goes to cmark-gfm as bytes when its page is rendered.
    public func decode(utf8 bytes: [UInt8], path: String) throws -> Record {
        guard let ranges = bytes.withUnsafeBufferPointer(FrontMatter.ranges) else {
            // A byte order mark, CR line ends or no front matter: `split` deals with them.
            guard let text = String(validating: bytes, as: UTF8.self) else { throw SourceFile.notUTF8(path) }
            return try decode(text, path: path)
        }
        guard UTF8Validation.isValid(bytes[ranges.body...]),
              let yaml = String(validating: bytes[ranges.yaml], as: UTF8.self) else { throw SourceFile.notUTF8(path) }
        return try decode(yaml: yaml, firstLine: 2, fingerprint: ContentHash.hex(of: bytes), slug: try checkedSlug(path), path: path)
    }

    /// The record's slug, from its file name; an error if it is not a valid one.
    private func checkedSlug(_ path: String) throws -> String {
        let slug = Self.slug(forPath: path)
        guard Self.isValidSlug(slug) else {
            throw Diagnostic(path: path, message: "file name '\(slug)' is not a valid slug: use lowercase ASCII letters, digits and '-'")
        }
        return slug
    }

    /// Decodes the front matter `yaml`, which starts on line `firstLine` of the file.
    private func decode(yaml: String, firstLine: Int, fingerprint: String, slug: String, path: String) throws -> Record {
        let reader = YAMLReader(path: path, lineOffset: firstLine - 1)
        guard let root = try reader.compose(yaml) else {
            throw Diagnostic(path: path, line: firstLine, message: "front matter is empty: title, issuer and date are required")
        }
        let mapping = try reader.mapping(root, "front matter")

        let values = try reader.fields(of: mapping, byKey: RecordField.byKey,
                                       unknown: "(see the record format for the keys, e.g. title, issuer, date, doc_no)")
        func required(_ field: RecordField) throws -> YAMLNode {
            guard let node = values[field] else {
                throw Diagnostic(path: path, line: firstLine, message: "missing required key '\(field.rawValue)' (\(field.label))")
            }
            return node
        }
        let dateNode = try required(.date)
        guard let date = try reader.date(dateNode, "date") else { throw reader.error("'date' must not be empty", at: dateNode) }

        var record = Record(
            slug: slug, path: path,
            title: try reader.requiredString(try required(.title), "title"),
            issuer: try reader.requiredString(try required(.issuer), "issuer"),
            date: date, fingerprint: fingerprint
        )
        record.metadataFingerprint = ContentHash.hex(of: yaml)
        for (field, node) in zip(values.fields, values.nodes) {
            switch field {
            case .title, .issuer, .date: break
            case .docNo: record.docNo = try reader.string(node, field.rawValue)
            case .indexNo: record.indexNo = try reader.string(node, field.rawValue)
            case .published: record.published = try reader.date(node, field.rawValue)
            case .region: record.region = try reader.string(node, field.rawValue)
            case .topics: record.topics = try reader.stringList(node, field.rawValue)
            case .genre: record.genre = try reader.string(node, field.rawValue)
            case .disclosure: record.disclosure = try reader.string(node, field.rawValue)
            case .scope: record.scope = try reader.string(node, field.rawValue)
            case .status:
                record.status = try reader.string(node, field.rawValue)
                if let status = record.status, !Record.statuses.contains(status) {
                    throw reader.error("'status' (时效性) must be one of \(Record.statuses.joined(separator: " / ")), not '\(status)'", at: node)
                }
            case .effective: record.effective = try reader.date(node, field.rawValue)
            case .expires: record.expires = try reader.date(node, field.rawValue)
            case .period: record.period = try reader.string(node, field.rawValue)
            case .keywords: record.keywords = try reader.stringList(node, field.rawValue)
            case .summary: record.summary = try reader.string(node, field.rawValue)
            case .source: record.source = try reader.string(node, field.rawValue)
            case .indicators: record.indicators = try decodeIndicators(node, reader: reader)
            }
        }
        return record
    }

    private func decodeIndicators(_ node: YAMLNode, reader: YAMLReader) throws -> [IndicatorTarget] {
        if case let .scalar(scalar) = node, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" { return [] }
        guard case let .sequence(items, _) = node else { throw reader.error("'indicators' must be a list of targets", at: node) }
        return try items.map { try decodeIndicator($0, reader: reader) }
    }

    private func decodeIndicator(_ node: YAMLNode, reader: YAMLReader) throws -> IndicatorTarget {
        let mapping = try reader.mapping(node, "an indicator")
        let values = try reader.fields(of: mapping, byKey: IndicatorField.byKey,
                                       unknown: "in an indicator (name, id, comparator, target, target_max, unit, year, category, owners, note)")
        func required(_ field: IndicatorField) throws -> YAMLNode {
            guard let value = values[field] else { throw reader.error("an indicator needs '\(field.rawValue)'", at: node) }
            return value
        }
        let comparatorNode = try required(.comparator)
        let comparatorText = try reader.requiredString(comparatorNode, "comparator")
        guard let comparator = Comparator(rawValue: comparatorText) ?? Self.comparatorAliases[comparatorText] else {
            throw reader.error("'comparator' must be >=, <=, = or range, not '\(comparatorText)'", at: comparatorNode)
        }
        let targetNode = try required(.target)
        guard let target = try reader.number(targetNode, "target") else { throw reader.error("'target' must not be empty", at: targetNode) }
        var indicator = IndicatorTarget(
            name: try reader.requiredString(try required(.name), "name"),
            comparator: comparator, target: target, line: reader.line(of: node)
        )
        if let value = values[.id] { indicator.id = try reader.string(value, "id") }
        if let value = values[.unit] { indicator.unit = try reader.string(value, "unit") ?? "" }
        if let value = values[.year] { indicator.year = try reader.integer(value, "year") }
        if let value = values[.category] { indicator.category = try reader.string(value, "category") }
        if let value = values[.owners] { indicator.owners = try reader.stringList(value, "owners") }
        if let value = values[.note] { indicator.note = try reader.string(value, "note") }
        if let value = values[.targetMax] { indicator.targetMax = try reader.number(value, "target_max") }
        if comparator == .range {
            guard let max = indicator.targetMax else { throw reader.error("a 'range' target needs 'target_max'", at: node) }
            guard max >= target else { throw reader.error("'target_max' (\(NumberFormat.plain(max))) is below 'target' (\(NumberFormat.plain(target)))", at: values[.targetMax]) }
        }
        return indicator
    }

    private static let comparatorAliases: [String: Comparator] = ["≥": .atLeast, "≤": .atMost, "==": .equal, "范围": .range]

    static func slug(forPath path: String) -> String {
        let name = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[path.utf8.index(after: $0)...]) } ?? path
        return name.hasSuffix(".md") ? String(name.dropLast(3)) : name
    }

    static func isValidSlug(_ slug: String) -> Bool {
        !slug.isEmpty && slug.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    }
}
