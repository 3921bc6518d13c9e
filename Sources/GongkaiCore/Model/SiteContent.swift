/// Everything parsed from `Content/`: the input of the model stage.
public struct SiteContent: Sendable {
    public var config: SiteConfig
    public var records: [Record]
    public var catalogue: IndicatorCatalogue
    public var reportedValues: [ReportedValue]
    /// Project-relative paths of `indicators.yml` and the data files, which feed indicator pages.
    public var dataInputs: [String]

    public init(config: SiteConfig, records: [Record], catalogue: IndicatorCatalogue = IndicatorCatalogue(),
                reportedValues: [ReportedValue] = [], dataInputs: [String] = []) {
        self.config = config
        self.records = records
        self.catalogue = catalogue
        self.reportedValues = reportedValues
        self.dataInputs = dataInputs
    }
}
