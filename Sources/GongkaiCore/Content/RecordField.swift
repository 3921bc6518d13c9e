/// The front matter keys of a record, with the Chinese labels that are accepted as aliases
/// and shown on pages.
enum RecordField: String, CaseIterable {
    case title, issuer, date
    case docNo = "doc_no"
    case indexNo = "index_no"
    case published, region, topics, genre, disclosure, scope, status, effective, expires, period,
         keywords, summary, source, indicators

    var label: String {
        switch self {
        case .title: return "标题"
        case .issuer: return "发布机构"
        case .date: return "成文日期"
        case .docNo: return "文号"
        case .indexNo: return "索引号"
        case .published: return "发布日期"
        case .region: return "地区"
        case .topics: return "主题分类"
        case .genre: return "体裁分类"
        case .disclosure: return "公开方式"
        case .scope: return "公开范围"
        case .status: return "时效性"
        case .effective: return "生效日期"
        case .expires: return "废止日期"
        case .period: return "实施期限"
        case .keywords: return "关键词"
        case .summary: return "内容概述"
        case .source: return "来源"
        case .indicators: return "指标"
        }
    }

    /// Looks a key up by its English name or its Chinese label.
    static let byKey: [String: RecordField] = {
        var map: [String: RecordField] = [:]
        for field in allCases {
            map[field.rawValue] = field
            map[field.label] = field
        }
        map["发文日期"] = .date
        return map
    }()
}

/// The keys of one item of `indicators:`, with Chinese aliases.
enum IndicatorField: String, CaseIterable {
    case name, id, comparator, target, unit, year, category, owners, note
    case targetMax = "target_max"

    static let byKey: [String: IndicatorField] = {
        let labels: [IndicatorField: [String]] = [
            .name: ["指标", "名称"], .id: ["编号"], .comparator: ["比较"], .target: ["目标", "目标值"],
            .targetMax: ["目标上限"], .unit: ["单位"], .year: ["年份"], .category: ["类别"],
            .owners: ["责任单位"], .note: ["备注"],
        ]
        var map: [String: IndicatorField] = [:]
        for field in allCases {
            map[field.rawValue] = field
            for label in labels[field] ?? [] { map[label] = field }
        }
        return map
    }()
}
