import CSV
import Foundation
import Testing
@testable import GongkaiCore

/// The indicator pages on the real seeds, and the comparison logic on the fictional fixture
/// site in Fixtures/Sites/fictional-values (made-up governments and values).
@Suite struct IndicatorTests {
    @Test func seedComparisonTablesShowEachGovernmentsTarget() throws {
        let (project, files) = try SiteBuildTests.buildRealSite()
        defer { try? FileManager.default.removeItem(at: project.root) }
        func targets(_ id: String) -> [String: String] {
            let rows = HTMLTable.rows(in: text(files["indicators/\(id).html"]), marker: "indicators comparison")
            return Dictionary(rows.map { ($0[0], $0[4]) }, uniquingKeysWith: { "\($0) \($1)" })
        }
        #expect(targets("consumer-goods-pass-rate") == [
            "射阳县人民政府": "≥97%", "扬州市人民政府": "≥95%", "太仓市人民政府办公室": "≥97.5%",
        ])
        #expect(targets("manufacturing-pass-rate") == [
            "射阳县人民政府": "≥96%", "扬州市人民政府": "≥95%", "太仓市人民政府办公室": "≥96.8%",
        ])
        // 食品抽查合格率 (扬州) is the catalogue's alias of 食品安全抽检合格率 (射阳, 太仓).
        let food = targets("food-safety-sampling-pass-rate")
        #expect(Set(food.keys) == ["射阳县人民政府", "扬州市人民政府", "太仓市人民政府办公室"])
        #expect(text(files["indicators/food-safety-sampling-pass-rate.html"]).contains("文件中的其他说法：食品抽查合格率"))
    }

    @Test func everySeedTargetIsCataloguedAndShown() throws {
        let project = try copyOfRealSite()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let report = try SiteBuilder(project: project).build(output: project.output)
        #expect(report.warnings.isEmpty, "\(report.warnings)")
        let model = try SiteModel(ContentLoader(project: project).content(config: SiteConfig()))
        let targets = model.records.reduce(0) { $0 + $1.indicators.count }
        #expect(model.indicators.indicators.reduce(0) { $0 + $1.entries.count } == targets)
        let index = text(try Data(contentsOf: project.output.appendingPathComponent("indicators/index.html")))
        #expect(HTMLTable.rows(in: index, marker: "indicators").count == model.indicators.indicators.count)
        // The record page groups its table by the document's own categories.
        let sheyang = text(try Data(contentsOf: project.output.appendingPathComponent("records/sheyang-2023-quality-county.html")))
        for category in ["质量水平", "质量品牌", "质量监管", "质量基础"] {
            #expect(sheyang.contains("<caption>\(category)（"), "\(category)")
        }
        #expect(sheyang.contains("href=\"../indicators/manufacturing-pass-rate.html\""))
        // The seeds report no values: nothing may claim 达标 or 未达标.
        #expect(!index.contains("status-met") && !index.contains("<th scope=\"col\">达标</th>"))
        #expect(!sheyang.contains("status-met") && !sheyang.contains("<th scope=\"col\">实际值</th>"))
    }

    // MARK: Status logic

    static func target(_ comparator: GongkaiCore.Comparator, _ value: Double, max: Double? = nil) -> IndicatorTarget {
        IndicatorTarget(name: "x", comparator: comparator, target: value, targetMax: max)
    }

    @Test(arguments: [
        (GongkaiCore.Comparator.atLeast, 96.0, nil as Double?, nil as BetterDirection?, 96.0, AssessmentStatus.met),
        (.atLeast, 96, nil, nil, 95.9, .notMet),
        (.atMost, 3, nil, .lower, 3, .met),
        (.atMost, 3, nil, .lower, 3.1, .notMet),
        (.equal, 100, nil, .higher, 100, .met),
        (.equal, 100, nil, .higher, 99.9, .notMet),
        (.equal, 0, nil, .lower, 0, .met),
        (.equal, 0, nil, .lower, 1, .notMet),
        (.equal, 5, nil, nil, 5, .met),
        (.equal, 5, nil, nil, 6, .notMet),
        (.range, 3, 5, .higher, 6, .met),
        (.range, 3, 5, .higher, 2, .notMet),
        (.range, 3, 5, .lower, 2, .met),
        (.range, 3, 5, .lower, 6, .notMet),
        (.range, 3, 5, nil, 4, .met),
        (.range, 3, 5, nil, 6, .notMet),
    ])
    func statusFollowsComparatorAndDirection(comparator: GongkaiCore.Comparator, value: Double, max: Double?, better: BetterDirection?,
                                             actual: Double, expected: AssessmentStatus) {
        #expect(Assessment.status(of: actual, against: Self.target(comparator, value, max: max), better: better) == expected)
    }

    @Test func missingDataIsNoData() {
        var target = Self.target(.atLeast, 90)
        target.year = 2025
        let value = ReportedValue(indicatorID: "x", jurisdiction: "甲", year: 2024, value: 99, source: "", path: "", line: 2)
        let assessment = Assessment.assess(target, values: [value], better: .higher)
        #expect(assessment.status == .noData)
        #expect(assessment.latest?.year == 2024)
        #expect(Assessment.assess(target, values: [], better: .higher).status == .noData)
    }

    // MARK: Fictional fixture site

    static func buildFixture() throws -> (project: Project, files: [String: Data], report: BuildReport) {
        let root = try temporaryFolder("gongkai-fictional")
        let fixture = Bundle.module.url(forResource: "Fixtures/Sites/fictional-values/Content", withExtension: nil)!
        try FileManager.default.copyItem(at: fixture, to: root.appendingPathComponent("Content"))
        let project = Project(root: root)
        let report = try SiteBuilder(project: project).build(output: project.output)
        return (project, try readTree(project.output), report)
    }

    @Test func targetsAreComparedWithReportedValues() throws {
        let (project, files, report) = try Self.buildFixture()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let jia = HTMLTable.rows(in: text(files["records/jia-2023-plan.html"]), marker: "indicators")
            + HTMLTable.rows(in: text(files["records/jia-2023-plan.html"]).components(separatedBy: "</table>").dropFirst().joined(separator: "</table>"), marker: "indicators")
        let statusByName = Dictionary(jia.map { ($0[0], $0.last!) }, uniquingKeysWith: { a, _ in a })
        #expect(statusByName["产品质量合格率"] == "达标")
        #expect(statusByName["新创质量奖"] == "达标")

        let accidents = HTMLTable.rows(in: text(files["indicators/accidents.html"]), marker: "indicators comparison")
        #expect(accidents.map { [$0[0], $0[4], $0[7], $0[8]] } == [
            ["甲县人民政府", "≤3起", "4起（2024年）", "未达标"],
            ["乙市人民政府", "≤2起", "", "无数据"],
        ])
        let passRate = HTMLTable.rows(in: text(files["indicators/pass-rate.html"]), marker: "indicators comparison")
        #expect(passRate.map { [$0[0], $0[4], $0[8]] } == [["甲县人民政府", "≥96%", "达标"], ["乙市人民政府", "≥97.5%", "未达标"]])
        #expect(text(files["indicators/pass-rate.html"]).contains("<svg class=\"chart series\""))
        #expect(text(files["indicators/coverage.html"]).contains("无数据"))

        // The issuer page carries that government's scorecard.
        let jiaIssuer = text(files[PagePath.term(.issuer, Taxonomy.slug(for: "甲县人民政府", in: .issuer), page: 1)])
        #expect(HTMLTable.rows(in: jiaIssuer, marker: "indicators").count == 5)

        // A name matching nothing still shows, and the build warns about it.
        #expect(report.warnings.map(\.description) == [
            "Content/records/jia-2023-plan.md:35:1: warning: indicator '未编目的指标' is not in Content/indicators.yml; add it (or an alias) to compare it across documents",
        ])
        #expect(files.keys.contains { $0.hasPrefix("indicators/x-") && $0.hasSuffix(".html") })
    }

    @Test func downloadsParseBackToTheTableRows() throws {
        let (project, files, _) = try Self.buildFixture()
        defer { try? FileManager.default.removeItem(at: project.root) }
        for id in ["pass-rate", "accidents", "coverage", "awards"] {
            let html = HTMLTable.rows(in: text(files["indicators/\(id).html"]), marker: "indicators comparison")
            // Columns shown on the page: 发布机构, 文号, 目标, 年份, 责任单位, 状态.
            let shown = html.map { [$0[0], $0[3], $0[4], $0[5], $0[6], $0[8]] }

            let csvData = try #require(files["indicators/\(id).csv"])
            #expect(csvData.starts(with: [0xEF, 0xBB, 0xBF]), "CSV starts with a UTF-8 BOM for Excel")
            let reader = try CSVReader(string: String(decoding: csvData.dropFirst(3), as: UTF8.self), hasHeaderRow: true)
            var csvRows: [[String]] = []
            while let row = reader.next() {
                func field(_ name: String) -> String { row[Downloads.csvHeader.firstIndex(of: name)!] }
                let comparator = GongkaiCore.Comparator(rawValue: field("比较"))!
                let target = comparator == .range ? "\(field("目标"))–\(field("目标上限"))\(field("单位"))"
                                                   : "\(comparator.symbol)\(field("目标"))\(field("单位"))"
                csvRows.append([field("发布机构"), field("文号"), target, field("年份"), field("责任单位"), field("状态")])
            }
            #expect(csvRows == shown, "\(id).csv")

            let json = try JSONSerialization.jsonObject(with: try #require(files["indicators/\(id).json"])) as! [String: Any]
            let targets = json["targets"] as! [[String: Any]]
            let jsonRows = targets.map { object -> [String] in
                let target = IndicatorTarget(name: "", comparator: GongkaiCore.Comparator(rawValue: object["comparator"] as! String)!,
                                             target: object["target"] as! Double, targetMax: object["target_max"] as? Double,
                                             unit: object["unit"] as! String)
                return [object["issuer"] as! String, object["doc_no"] as? String ?? "", target.formattedTarget,
                        (object["year"] as? Int).map(String.init) ?? "", (object["owners"] as! [String]).joined(separator: "、"),
                        object["status"] as! String]
            }
            #expect(jsonRows == shown, "\(id).json")
        }
        let all = try JSONSerialization.jsonObject(with: try #require(files["downloads/indicators.json"])) as! [[String: Any]]
        #expect(all.count == 7)
        let records = try JSONSerialization.jsonObject(with: try #require(files["downloads/records.json"])) as! [[String: Any]]
        #expect(records.map { $0["slug"] as! String } == ["jia-2023-plan", "yi-2022-plan"])
    }

    @Test func aMalformedDataRowFailsWithFileAndLine() throws {
        let project = try makeProject([
            "Content/records/a.md": recordText(),
            "Content/data/values.csv": "indicator,jurisdiction,year,value,source\nx,甲,2023,95,虚构\nx,甲,二〇二三,95,虚构\n",
        ])
        defer { try? FileManager.default.removeItem(at: project.root) }
        let error = #expect(throws: Diagnostic.self) { try SiteBuilder(project: project).build(output: project.output) }
        #expect(error?.description == "Content/data/values.csv:3:1: error: year must be a four-digit year, not '二〇二三'")
    }
}
