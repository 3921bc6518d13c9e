/// Draws one page: builds its context and renders its template inside the layout.
public struct PageRenderer: Sendable {
    public let model: SiteModel
    public let templates: TemplateSet
    private let markdown = MarkdownRenderer()
    private let chrome: SiteChrome
    /// Gives a record's Markdown body as UTF-8; bodies are read at render time, not kept in the model.
    private let body: @Sendable (Record) throws -> ArraySlice<UInt8>

    public init(model: SiteModel, templates: TemplateSet, body: @escaping @Sendable (Record) throws -> ArraySlice<UInt8>) {
        self.model = model
        self.templates = templates
        self.body = body
        chrome = SiteChrome(model: model)
    }

    /// The page's bytes. Builds write downloads with `write(_:to:)` instead, in blocks.
    public func render(_ page: Page) throws -> [UInt8] {
        if case let .download(download) = page.kind { return try OutputBlocks.collect { try write(download, to: &$0) } }
        return templates.render(try context(of: page), template: page.template)
    }

    /// Writes a download into `blocks` as it is made.
    public func write(_ download: Download, to blocks: inout OutputBlocks) throws {
        try Downloads(model: model).write(download, to: &blocks)
    }

    /// Writes the whole archive's indicator table into `blocks`, and each indicator's own file
    /// of the same format through `companion` (see `Downloads.writeWithCompanions`).
    func write(_ download: Download, to blocks: inout OutputBlocks, companion: (Download, [UInt8]) throws -> Void) throws {
        try Downloads(model: model).writeWithCompanions(download, to: &blocks, companion: companion)
    }

    /// What the page's template sees (downloads have no template: they are written directly).
    func context(of page: Page) throws -> TemplateObject {
        let context = PageContext(model: model, page: page, chrome: chrome)
        switch page.kind {
        case .home: return context.home()
        case let .record(index): return context.record(index, bodyHTML: markdown.html(try body(model.records[index])))
        case let .recordList(paginator): return context.allRecords(paginator)
        case let .taxonomyIndex(kind): return context.terms(kind)
        case let .term(kind, term, paginator): return context.term(kind, term, paginator)
        case .indicatorIndex: return context.indicatorIndex()
        case let .indicator(index): return context.indicator(index)
        case .download, .notFound: return context.base(section: nil)
        }
    }
}
