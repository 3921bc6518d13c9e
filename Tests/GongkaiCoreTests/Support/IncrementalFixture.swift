import Foundation
@testable import GongkaiCore

/// A deterministic random source (SplitMix64), so a failing property test can be replayed.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A small site for incremental-build tests: `site.yml` with short pages, the repository's
/// templates, and records made up here. The titles, issuers, numbers and dates are invented;
/// they are not real documents.
struct IncrementalFixture {
    static let issuers = ["甲县人民政府", "甲县人民政府办公室", "乙市市场监管局", "丙区发展改革委"]
    static let topics = ["市场监管", "质量", "安全生产", "标准化"]
    static let statuses = ["有效", "失效", "废止", "修订"]
    static let genres = ["通知", "意见", "方案"]
    /// Indicator names: two for one catalogue entry (name and alias), one other, one uncatalogued.
    static let indicatorNames = ["产品质量合格率", "产品抽查合格率", "事故起数", "未编目指标"]
    static let catalogue = "indicators:\n  - id: pass-rate\n    name: 产品质量合格率\n    aliases: [产品抽查合格率]\n    unit: \"%\"\n    better: higher\n  - id: accidents\n    name: 事故起数\n    unit: 起\n    better: lower\n"

    let project: Project
    var random: SeededRandom
    private var counter = 0

    /// Makes the project with `records` records.
    init(records: Int, seed: UInt64) throws {
        let root = try temporaryFolder("gongkai-incremental")
        project = Project(root: root)
        random = SeededRandom(seed: seed)
        try FileManager.default.createDirectory(at: project.records, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Templates"), to: project.templates)
        try write("Content/site.yml", "title: 测试公开平台\npage_size: 4\nhome_latest: 3\n")
        try write("Content/indicators.yml", Self.catalogue)
        for _ in 0..<records { try addRecord() }
    }

    func remove() { try? FileManager.default.removeItem(at: project.root) }

    func url(_ path: String) -> URL { project.root.appendingPathComponent(path) }

    func write(_ path: String, _ text: String) throws {
        let url = url(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String { text(try Data(contentsOf: url(path))) }

    func recordPaths() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: project.records.path).filter { $0.hasSuffix(".md") }.sorted()
            .map { "Content/records/\($0)" }
    }

    mutating func newSlug() -> String {
        counter += 1
        return "doc-\(counter)-\(random.next() % 1000)"
    }

    /// A made-up record; `title` and `day` let tests pin what they look at.
    mutating func recordText(title: String? = nil) -> String {
        let year = 2015 + Int(random.next() % 10)
        let month = 1 + Int(random.next() % 12), day = 1 + Int(random.next() % 28)
        let number = Int(random.next() % 200)
        let topics = Self.topics.filter { _ in random.next() % 2 == 0 }
        var text = "---\ntitle: \"\(title ?? "关于第\(number)号测试事项的通知")\"\n"
        text += "issuer: \(Self.issuers[Int(random.next() % UInt64(Self.issuers.count))])\n"
        text += String(format: "date: %04d-%02d-%02d\n", year, month, day)
        if random.next() % 3 != 0 { text += "doc_no: 测政发〔\(year)〕\(number)号\n" }
        if !topics.isEmpty { text += "topics: [\(topics.joined(separator: ", "))]\n" }
        if random.next() % 2 == 0 { text += "status: \(Self.statuses[Int(random.next() % 4)])\n" }
        if random.next() % 2 == 0 { text += "genre: \(Self.genres[Int(random.next() % 3)])\n" }
        let targets = Int(random.next() % 3)
        if targets > 0 { text += "indicators:\n" }
        for _ in 0..<targets {
            text += "  - name: \(Self.indicatorNames[Int(random.next() % 4)])\n    comparator: \">=\"\n"
            text += "    target: \(90 + random.next() % 10)\n    unit: \"%\"\n    year: \(2020 + random.next() % 6)\n"
        }
        text += "---\n# 正文\n\n第\(number)条：数字为虚构。\n"
        return text
    }

    @discardableResult
    mutating func addRecord() throws -> String {
        let path = "Content/records/\(newSlug()).md"
        try write(path, recordText())
        return path
    }

    /// One random edit of the kinds editors make; returns what it did, for failure messages,
    /// and the paths it touched, as a file watcher would report them.
    mutating func randomEdit() throws -> (description: String, paths: [String]) {
        let paths = try recordPaths()
        let pick = { (random: inout SeededRandom) in paths[Int(random.next() % UInt64(paths.count))] }
        switch random.next() % 14 {
        case 0, 1:
            let path = try addRecord()
            return ("add \(path)", [path])
        case 2, 3:
            let path = pick(&random)
            try write(path, try read(path) + "\n追加一段正文 \(random.next() % 100)。\n")
            return ("edit body of \(path)", [path])
        case 4, 5:
            let path = pick(&random)
            try write(path, recordText())
            return ("rewrite front matter of \(path)", [path])
        case 6:
            let path = pick(&random)
            let target = "Content/records/\(newSlug()).md"
            try FileManager.default.moveItem(at: url(path), to: url(target))
            return ("rename \(path) → \(target)", [path, target])
        case 7 where paths.count > 2:
            let path = pick(&random)
            try FileManager.default.removeItem(at: url(path))
            return ("delete \(path)", [path])
        case 8:
            let name = ["record", "list", "layout", "home", "terms", "404", "pagination"][Int(random.next() % 7)]
            let path = "Templates/\(name).mustache"
            try write(path, try read(path) + "<!-- edit \(random.next() % 1000) -->\n")
            return ("edit template \(name)", [path])
        case 9:
            let size = 2 + Int(random.next() % 5)
            try write("Content/site.yml", "title: 测试公开平台\(random.next() % 10)\npage_size: \(size)\nhome_latest: \(random.next() % 5)\n")
            return ("edit site.yml (page_size \(size))", ["Content/site.yml"])
        case 10:
            let issuer = Self.issuers[Int(random.next() % UInt64(Self.issuers.count))]
            try write("Content/data/values.csv", "indicator,jurisdiction,year,value,source\npass-rate,\(issuer),\(2020 + random.next() % 6),\(85 + random.next() % 15),虚构\n")
            return ("edit data file", ["Content/data/values.csv"])
        case 12:
            let alias = random.next() % 2 == 0 ? "产品抽查合格率" : "未编目指标"
            try write("Content/indicators.yml", Self.catalogue.replacingOccurrences(of: "[产品抽查合格率]", with: "[\(alias)]"))
            return ("edit catalogue (alias \(alias))", ["Content/indicators.yml"])
        case 11:
            let path = pick(&random)
            try write(path, try read(path).replacingOccurrences(of: "title: \"", with: "title: \"新\(random.next() % 10)"))
            return ("retitle \(path)", [path])
        default:
            try write("Templates/assets/extra.css", "/* \(random.next() % 1000) */\n")
            return ("edit asset", ["Templates/assets/extra.css"])
        }
    }
}
