/// Draws one page: builds its context and renders its template inside the layout.
public struct PageRenderer: Sendable {
    public let model: SiteModel
    public let templates: TemplateSet
    private let markdown = MarkdownRenderer()
    /// Gives a record's Markdown body; bodies are read at render time, not kept in the model.
    private let body: @Sendable (Record) throws -> String

    public init(model: SiteModel, templates: TemplateSet, body: @escaping @Sendable (Record) throws -> String) {
        self.model = model
        self.templates = templates
        self.body = body
    }

    public func render(_ page: Page) throws -> String {
        let context = PageContext(model: model, page: page)
        let values: [String: Any]
        switch page.kind {
        case .home: values = context.home()
        case let .record(index): values = context.record(index, bodyHTML: markdown.html(try body(model.records[index])))
        case let .recordList(paginator): values = context.allRecords(paginator)
        case let .taxonomyIndex(kind): values = context.terms(kind)
        case let .term(kind, term, paginator): values = context.term(kind, term, paginator)
        case .indicatorIndex: values = context.indicatorIndex()
        case let .indicator(index): values = context.indicator(index)
        case let .download(download): return Downloads(model: model).render(download)
        case .notFound: values = context.base(section: nil)
        }
        return templates.render(values, template: page.template)
    }
}
