/// What a page shows; the renderer turns each kind into a template context.
public enum PageKind: Sendable, Hashable {
    case home
    case record(Int)
    case recordList(Paginator)
    case taxonomyIndex(TaxonomyKind)
    case term(TaxonomyKind, term: Int, Paginator)
    case indicatorIndex
    case indicator(Int)
    case download(Download)
    case notFound
}

/// The machine-readable files beside the pages: CSV (UTF-8 with BOM, for Excel) and JSON.
public enum Download: Sendable, Hashable {
    case indicatorsCSV, indicatorsJSON, records
    case indicatorCSV(Int), indicatorJSON(Int)
}

/// One page of the site: where it goes, which template draws it, and which records feed it,
/// so a rebuild knows what an edit touches.
public struct Page: Sendable, Hashable {
    public var kind: PageKind
    /// Output path relative to the site root, always ending in `.html`.
    public var path: String
    /// The template that draws it (inside the layout); `download` for the CSV and JSON files,
    /// which are written without one.
    public var template: String
    /// Indices of the records whose data appear on the page.
    public var feeds: [Int]
    /// True when the page also shows totals over the whole archive (counts, term lists), so
    /// any added or removed record changes it.
    public var showsTotals: Bool
    /// Project-relative paths of inputs other than records that the page shows
    /// (`Content/indicators.yml`, `Content/data/*.csv`).
    public var dataInputs: [String] = []

    /// `../` repeated once per folder level: links are relative, so the site works under any
    /// sub-path and from `file://`.
    public var root: String { String(repeating: "../", count: path.reduce(0) { $1 == "/" ? $0 + 1 : $0 }) }
}

/// Output paths, in one place.
public enum PagePath {
    public static let home = "index.html"
    public static let notFound = "404.html"
    public static let stylesheet = "assets/style.css"

    public static func record(_ slug: String) -> String { "records/\(slug).html" }

    public static func recordList(page: Int) -> String { page == 1 ? "records/index.html" : "records/page-\(page).html" }

    public static func taxonomyIndex(_ kind: TaxonomyKind) -> String { "\(kind.folder)/index.html" }

    public static func term(_ kind: TaxonomyKind, _ slug: String, page: Int) -> String {
        page == 1 ? "\(kind.folder)/\(slug).html" : "\(kind.folder)/\(slug)-\(page).html"
    }

    public static let indicatorIndex = "indicators/index.html"
    public static func indicator(_ id: String) -> String { "indicators/\(id).html" }
    public static func indicatorCSV(_ id: String) -> String { "indicators/\(id).csv" }
    public static func indicatorJSON(_ id: String) -> String { "indicators/\(id).json" }
    public static let indicatorsCSV = "downloads/indicators.csv"
    public static let indicatorsJSON = "downloads/indicators.json"
    public static let recordsJSON = "downloads/records.json"
}
