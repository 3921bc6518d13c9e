/// What `gongkai import` made of one page.
public struct ImportResult: Sendable {
    /// The record file: YAML front matter and Markdown body.
    public var recordText: String
    /// A suggested ASCII file name without `.md`.
    public var slug: String
    /// What was found and what could not be read, in page order.
    public var findings: [ImportFinding]
    /// The encoding the bytes were read in (UTF-8, GB18030).
    public var encoding: String
    /// How many indicators were extracted.
    public var indicatorCount: Int
}

/// One line of the import report: a field found, or something on the page that could not be read.
public struct ImportFinding: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable { case found, unread, note }
    public var kind: Kind
    /// 1-based line of the input page (0 when the finding is about the page as a whole).
    public var line: Int
    public var message: String

    public init(_ kind: Kind, line: Int, _ message: String) {
        self.kind = kind
        self.line = line
        self.message = message
    }

    public var description: String {
        let place = line > 0 ? "line \(line)" : "page"
        switch kind {
        case .found: return "found \(message) (\(place))"
        case .unread: return "could not read \(message) (\(place))"
        case .note: return "\(message) (\(place))"
        }
    }
}
