/// Lets an incremental build steer `SiteBuilder` at its two decision points, so there is one
/// pipeline whether a build is full or incremental.
public protocol BuildPlanner: Sendable {
    /// The site's records: parsed now, or some of them taken from a cache.
    func records(from loader: ContentLoader) throws -> [Record]
    /// The previous build's model when it still holds for these records, to skip building
    /// it; nil builds a new one.
    func reusableModel(config: SiteConfig, records: [Record]) throws -> SiteModel?
    /// Called once the model and templates are ready and before anything is written: the
    /// pages to render.
    func pagesToRender(model: SiteModel, templates: TemplateSet) throws -> [Page]
}
