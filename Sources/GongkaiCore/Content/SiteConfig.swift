/// `Content/site.yml`: the site's title, organiser and the footer identifiers that Chinese
/// government sites must show (网站标识码, ICP备案号, 公安备案号).
public struct SiteConfig: Sendable, Hashable {
    public var title = "政府信息公开"
    public var description: String?
    public var baseURL: String?
    public var language = "zh-CN"
    /// 主办单位
    public var organiser: String?
    /// 承办单位
    public var operatorName: String?
    /// 网站标识码
    public var siteCode: String?
    /// ICP备案号
    public var icp: String?
    /// 公安机关备案号
    public var policeRecord: String?
    public var contact: String?
    /// Records per list page.
    public var pageSize = 20
    /// How many records the home page lists.
    public var homeLatest = 10

    public init() {}

    /// Reads `site.yml`; a missing file gives the defaults.
    public static func decode(_ text: String, path: String) throws -> SiteConfig {
        var config = SiteConfig()
        let reader = YAMLReader(path: path, lineOffset: 0)
        guard let root = try reader.compose(text) else { return config }
        for (keyNode, value) in try reader.mapping(root, "site.yml") {
            let key = keyNode.string ?? ""
            switch key {
            case "title", "网站名称": config.title = try reader.requiredString(value, key)
            case "description", "简介": config.description = try reader.string(value, key)
            case "base_url": config.baseURL = try reader.string(value, key)
            case "language": config.language = try reader.string(value, key) ?? config.language
            case "organiser", "organizer", "主办单位": config.organiser = try reader.string(value, key)
            case "operator", "承办单位": config.operatorName = try reader.string(value, key)
            case "site_code", "网站标识码": config.siteCode = try reader.string(value, key)
            case "icp", "ICP备案号": config.icp = try reader.string(value, key)
            case "police_record", "公安备案号": config.policeRecord = try reader.string(value, key)
            case "contact", "联系方式": config.contact = try reader.string(value, key)
            case "page_size":
                guard let size = try reader.integer(value, key), (1...1000).contains(size) else {
                    throw reader.error("'page_size' must be a whole number from 1 to 1000", at: value)
                }
                config.pageSize = size
            case "home_latest":
                guard let count = try reader.integer(value, key), (0...1000).contains(count) else {
                    throw reader.error("'home_latest' must be a whole number from 0 to 1000", at: value)
                }
                config.homeLatest = count
            default:
                throw reader.error("unknown key '\(key)' in site.yml", at: keyNode)
            }
        }
        return config
    }
}
