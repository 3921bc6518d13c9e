/// One policy document with its disclosure metadata (政府信息公开 fields), its targets and body.
///
/// A value with its fields in one shared box, copied on write: pages, rows and downloads take a
/// record hundreds of thousands of times in a build, and a copy is then one retain instead of
/// one per string and list (that was 3–4 % of a 10,000-record build). Read and set the fields
/// as properties: `record.title`, `record.docNo = …`.
@dynamicMemberLookup
public struct Record: Sendable, Hashable {
    /// The fields, named after the record format's English keys; `RecordField` gives their labels.
    public struct Fields: Sendable, Hashable {
        /// The file name without `.md`: lowercase ASCII letters, digits and `-`.
        public var slug: String
        /// The file the record came from, relative to the project, for messages.
        public var path: String

        public var title: String
        public var issuer: String
        public var date: CalendarDate
        public var docNo: String?
        public var indexNo: String?
        public var published: CalendarDate?
        public var region: String?
        public var topics: [String] = []
        public var genre: String?
        public var disclosure: String?
        public var scope: String?
        public var status: String?
        public var effective: CalendarDate?
        public var expires: CalendarDate?
        public var period: String?
        public var keywords: [String] = []
        public var summary: String?
        public var source: String?
        public var indicators: [IndicatorTarget] = []

        /// Hash of the whole file, for incremental builds. The body itself is not kept: pages
        /// re-read it when they render, so memory stays bounded on large archives.
        public var fingerprint: String
        /// Hash of the front matter alone: what pages that show a record's metadata but not its
        /// body (indicator pages, downloads, scorecards) depend on.
        public var metadataFingerprint: String = ""
    }

    /// Immutable once shared: a setter copies it first unless this record is its only owner.
    private final class Box: @unchecked Sendable {
        var fields: Fields
        init(_ fields: Fields) { self.fields = fields }
    }

    private var box: Box

    public init(slug: String, path: String, title: String, issuer: String, date: CalendarDate, fingerprint: String = "") {
        box = Box(Fields(slug: slug, path: path, title: title, issuer: issuer, date: date, fingerprint: fingerprint))
    }

    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { box.fields[keyPath: field] }
        set {
            if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
            box.fields[keyPath: field] = newValue
        }
    }

    public static func == (lhs: Record, rhs: Record) -> Bool { lhs.box === rhs.box || lhs.box.fields == rhs.box.fields }

    public func hash(into hasher: inout Hasher) { box.fields.hash(into: &hasher) }

    /// The values allowed for 时效性.
    public static let statuses = ["有效", "失效", "废止", "修订"]
}
