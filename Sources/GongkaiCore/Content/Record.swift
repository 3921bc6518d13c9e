/// One policy document with its disclosure metadata (政府信息公开 fields), its targets and body.
///
/// Field names follow the record format's English keys; `RecordField` gives their labels.
public struct Record: Sendable, Hashable {
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

    public init(slug: String, path: String, title: String, issuer: String, date: CalendarDate, fingerprint: String = "") {
        self.slug = slug
        self.path = path
        self.title = title
        self.issuer = issuer
        self.date = date
        self.fingerprint = fingerprint
    }

    /// The values allowed for 时效性.
    public static let statuses = ["有效", "失效", "废止", "修订"]
}
