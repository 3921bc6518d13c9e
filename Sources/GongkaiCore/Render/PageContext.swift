/// Builds the values a template sees. Contexts are plain dictionaries: Mustache reads them
/// directly, with no reflection, and templates stay free to use any key.
struct PageContext {
    let model: SiteModel
    let page: Page

    /// The prefix of every link. Relative everywhere, except on the 404 page when the site's
    /// `base_url` is known: a server shows that page at whatever depth the missing URL had.
    var root: String {
        if case .notFound = page.kind, let base = model.config.baseURL, !base.isEmpty {
            return base.hasSuffix("/") ? base : base + "/"
        }
        return page.root
    }

    /// Keys every page has: the site, the relative root, the navigation.
    func base(section: String?, breadcrumbs: [(label: String, href: String?)] = []) -> [String: Any] {
        var site: [String: Any] = [
            "title": model.config.title,
            "language": model.config.language,
            "recordCount": model.records.count,
        ]
        let config = model.config
        for (key, value) in [("description", config.description), ("organiser", config.organiser),
                             ("operator", config.operatorName), ("siteCode", config.siteCode), ("icp", config.icp),
                             ("policeRecord", config.policeRecord), ("contact", config.contact)] {
            if let value { site[key] = value }
        }
        site["hasIdentifiers"] = config.siteCode != nil || config.icp != nil || config.policeRecord != nil
        let nav: [[String: Any]] = Navigation.sections.map {
            ["label": $0.label, "href": $0.href, "current": $0.id == section]
        }
        var context: [String: Any] = ["site": site, "root": root, "nav": nav]
        if !breadcrumbs.isEmpty {
            let crumbs: [(label: String, href: String?)] = [("首页", PagePath.home)] + breadcrumbs
            context["hasBreadcrumbs"] = true
            context["breadcrumbs"] = crumbs.map { crumb -> [String: Any] in
                var item: [String: Any] = ["label": crumb.label]
                if let href = crumb.href { item["href"] = href }
                return item
            }
        }
        return context
    }

    /// A record as a list item.
    func listItem(_ index: Int) -> [String: Any] {
        let record = model.records[index]
        var item: [String: Any] = [
            "title": record.title, "href": PagePath.record(record.slug), "issuer": record.issuer,
            "date": record.date.description, "dateChinese": record.date.chinese,
        ]
        if let docNo = record.docNo { item["docNo"] = docNo }
        if let status = record.status {
            item["status"] = status
            item["statusClass"] = status == "有效" ? "valid" : "invalid"
        }
        return item
    }

    func items(_ indices: some Sequence<Int>) -> [[String: Any]] { indices.map(listItem) }
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
