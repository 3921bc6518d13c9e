/// Builds the values a template sees: `TemplateObject`s, so templates stay free to use any key.
struct PageContext {
    let model: SiteModel
    let page: Page
    let chrome: SiteChrome

    /// The prefix of every link. Relative everywhere, except on the 404 page when the site's
    /// `base_url` is known: a server shows that page at whatever depth the missing URL had.
    var root: String {
        if case .notFound = page.kind, let base = model.config.baseURL, !base.isEmpty {
            return base.hasSuffix("/") ? base : base + "/"
        }
        return page.root
    }

    /// Keys every page has: the site, the relative root, the navigation.
    func base(section: String?, breadcrumbs: [(label: String, href: String?)] = []) -> TemplateObject {
        var context: TemplateObject = ["site": chrome.site, "root": .string(root), "nav": chrome.nav(current: section)]
        if !breadcrumbs.isEmpty {
            let crumbs: [(label: String, href: String?)] = [("首页", PagePath.home)] + breadcrumbs
            context["hasBreadcrumbs"] = true
            context["breadcrumbs"] = .list(crumbs.map { crumb -> TemplateValue in
                ["label": .string(crumb.label), "href": .optional(crumb.href)]
            })
        }
        return context
    }

    /// Records as list items, from the ones made once per build.
    func items(_ indices: some Sequence<Int>) -> TemplateValue { .list(indices.map { chrome.listItems[$0] }) }
}

/// The parts of a context that are the same on many pages: the site's values, the navigation
/// for each section, and each record as a list item (a record is in six lists or so). Built
/// once per build rather than once per page.
struct SiteChrome: Sendable {
    let site: TemplateValue
    /// By record index.
    let listItems: [TemplateValue]
    private let navBySection: [String: TemplateValue]
    private let navWithoutCurrent: TemplateValue

    init(model: SiteModel) {
        let config = model.config
        var site: TemplateObject = [
            "title": .string(config.title), "language": .string(config.language), "recordCount": .int(model.records.count),
            "hasIdentifiers": .bool(config.siteCode != nil || config.icp != nil || config.policeRecord != nil),
        ]
        for (key, value) in [("description", config.description), ("organiser", config.organiser),
                             ("operator", config.operatorName), ("siteCode", config.siteCode), ("icp", config.icp),
                             ("policeRecord", config.policeRecord), ("contact", config.contact)] {
            site[key] = .optional(value)
        }
        self.site = .object(site)
        func nav(_ current: String?) -> TemplateValue {
            .list(Navigation.sections.map {
                ["label": .string($0.label), "href": .string($0.href), "current": .bool($0.id == current)]
            })
        }
        navBySection = Dictionary(uniqueKeysWithValues: Navigation.sections.map { ($0.id, nav($0.id)) })
        navWithoutCurrent = nav(nil)
        listItems = model.records.parallelMap(Self.listItem)
    }

    private static func listItem(_ record: Record) -> TemplateValue {
        [
            "title": .string(record.title), "href": .string(PagePath.record(record.slug)), "issuer": .string(record.issuer),
            "date": .string(record.date.description), "dateChinese": .string(record.date.chinese),
            "docNo": .optional(record.docNo), "status": .optional(record.status),
            "statusClass": .optional(record.status.map { $0 == "有效" ? "valid" : "invalid" }),
        ]
    }

    func nav(current section: String?) -> TemplateValue {
        section.flatMap { navBySection[$0] } ?? navWithoutCurrent
    }
}

/// The site's top navigation: the ways into the archive.
enum Navigation {
    struct Section { var id: String; var label: String; var href: String }

    static let sections: [Section] = [
        Section(id: "home", label: "首页", href: PagePath.home),
        Section(id: "records", label: "全部文件", href: PagePath.recordList(page: 1)),
    ] + TaxonomyKind.allCases.map { Section(id: $0.rawValue, label: $0.label, href: PagePath.taxonomyIndex($0)) }
        + [Section(id: "indicators", label: "指标", href: PagePath.indicatorIndex)]
}
