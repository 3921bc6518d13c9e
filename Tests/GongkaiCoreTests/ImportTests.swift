import Foundation
import XCTest
@testable import GongkaiCore

/// The importer on pages made up for these tests (see the fixtures' own notes): a GBK HTML page
/// with a metadata table, a text page with no metadata block, garbage input.
final class ImportTests: XCTestCase {
    func testGBKHTMLPageWithMetadataTable() throws {
        let (result, record) = try ImportFixture.importAndDecode("gbk-metadata-table.html")
        XCTAssertEqual(result.encoding, "GB18030")
        XCTAssertEqual(record.title, "示例县人民政府办公室关于印发示例县2024年质量工作要点的通知")
        XCTAssertEqual(record.issuer, "示例县人民政府办公室")
        XCTAssertEqual(record.date.description, "2024-03-05")
        XCTAssertEqual(record.docNo, "示政办发〔2024〕7号", "[ ] brackets become the official 〔〕")
        XCTAssertEqual(record.indexNo, "000000001/2024-00001")
        XCTAssertEqual(record.published?.description, "2024-03-08", "2024.3.8 becomes an ISO date")
        XCTAssertEqual(record.topics, ["市场监管", "质量"])
        XCTAssertEqual(record.genre, "通知")
        XCTAssertEqual(record.disclosure, "主动公开")
        XCTAssertEqual(record.scope, "面向全社会")
        XCTAssertEqual(record.status, "有效")
        XCTAssertEqual(record.keywords, ["质量", "要点"])

        let body = result.recordText
        for chrome in ["当前位置", "打印", "扫一扫", "相关文章", "字体", "访问量", "visits"] {
            XCTAssertFalse(body.contains(chrome), "chrome '\(chrome)' left in the record")
        }
        XCTAssertTrue(body.contains("## 一、主要目标"))
        XCTAssertTrue(body.contains("### （一）质量水平稳步提升"))
        XCTAssertTrue(body.contains("**示例县2024年质量工作要点**"), "the attached plan keeps its own title, apart from the cover letter")

        let byName = Dictionary(record.indicators.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        let pass = try XCTUnwrap(byName["制造业产品质量合格率"])
        XCTAssertEqual(pass.comparator, .atLeast)
        XCTAssertEqual(pass.target, 95)
        XCTAssertEqual(pass.unit, "%")
        XCTAssertEqual(pass.year, 2024, "the year of a 2024 工作要点")
        XCTAssertEqual(pass.owners, ["县市场监管局", "县工信局"])
        XCTAssertEqual(byName["食品安全抽检量"]?.unit, "批次/千人")
        let range = try XCTUnwrap(record.indicators.first { $0.comparator == .range })
        XCTAssertEqual(range.target, 2)
        XCTAssertEqual(range.targetMax, 4)
        XCTAssertEqual(range.owners, ["县市场监管局", "县农业农村局"], "牵头 and 配合 units both own the target")
        let cap = try XCTUnwrap(record.indicators.first { $0.comparator == .atMost })
        XCTAssertEqual(cap.target, 0.3)
        XCTAssertEqual(cap.unit, "人/万台")
        let decrease = try XCTUnwrap(record.indicators.first { $0.note?.contains("下降") == true })
        XCTAssertEqual(decrease.target, 10)
        XCTAssertEqual(decrease.note, "较2023年下降")

        XCTAssertTrue(result.findings.contains { $0.kind == .note && $0.message.contains("page chrome") })
        XCTAssertTrue(result.findings.contains { $0.kind == .found && $0.message.hasPrefix("文号") && $0.line == 15 },
                      "findings carry the line of the HTML source")
    }

    func testUTF8HTMLPageWithLineBreaksAndChineseNumeralDates() throws {
        let (result, record) = try ImportFixture.importAndDecode("utf8-plan.html")
        XCTAssertEqual(result.encoding, "UTF-8")
        XCTAssertEqual(record.title, "某市人民政府办公厅关于印发某市质量提升行动方案（2024—2026年）的通知")
        XCTAssertEqual(record.issuer, "某市人民政府办公厅")
        XCTAssertEqual(record.date.description, "2024-03-10", "二〇二四年三月十日 under the signature")
        XCTAssertEqual(record.docNo, "某政办发〔2024〕12号", "（ ） brackets")
        XCTAssertEqual(record.published?.description, "2024-03-15")
        XCTAssertEqual(record.status, "有效", "现行有效")
        XCTAssertEqual(record.period, "2024–2026")
        XCTAssertTrue(result.recordText.contains("某市人民政府办公厅  \n2024年3月10日"), "<br/> separates signature and date")
        XCTAssertFalse(result.recordText.contains("打印本页"))
        XCTAssertEqual(record.indicators.count, 6)
        let cap = try XCTUnwrap(record.indicators.first { $0.comparator == .atMost })
        XCTAssertEqual(cap.name, "重点产品监督抽查不合格发现率")
        XCTAssertEqual(cap.owners, ["市市场监管局", "市工信局", "市科技局"], "牵头单位；配合单位")
        XCTAssertTrue(record.indicators.allSatisfy { $0.year == 2026 })
    }

    func testTextPageWithNoMetadataBlock() throws {
        let (result, record) = try ImportFixture.importAndDecode("no-metadata.txt")
        XCTAssertEqual(result.encoding, "UTF-8")
        XCTAssertEqual(record.title, "示例市人民政府关于加快推进示例市质量强市建设的意见")
        XCTAssertEqual(record.issuer, "示例市人民政府")
        XCTAssertEqual(record.date.description, "2021-04-20")
        XCTAssertEqual(record.docNo, "示府发〔2021〕5号")
        XCTAssertEqual(record.genre, "意见", "the 文种 the title names")
        // Nothing the page does not carry is invented.
        XCTAssertNil(record.indexNo)
        XCTAssertNil(record.published)
        XCTAssertNil(record.status)
        XCTAssertTrue(record.topics.isEmpty)
        XCTAssertEqual(record.indicators.count, 6)
        XCTAssertEqual(record.indicators.map(\.year), [2025, 2025, 2025, nil, 2025, nil],
                       "到2025年 dates the goals of its chapter; a task has a year only where its sentence states one")
        XCTAssertEqual(record.indicators.map { $0.category ?? "" }, ["产品质量", "产品质量", "服务质量", "重点任务", "重点任务", "重点任务"])
        let owners = record.indicators.first { $0.unit == "项" }?.owners
        XCTAssertEqual(owners, ["市市场监管局", "市财政局"], "(…按职责分工负责)")
        XCTAssertEqual(result.slug, "2021-5")
    }

    func testMetadataInColumnsAndLabelsWithoutColons() throws {
        // Made-up page: a row of labels with the values in the row below, as a copied table gives.
        let (result, record) = try ImportFixture.importAndDecode("column-metadata.txt")
        XCTAssertEqual(record.indexNo, "000111222/2020-00012")
        XCTAssertEqual(record.docNo, "某政发〔2020〕3号", "文  号：with spaces, 【】 brackets")
        XCTAssertEqual(record.issuer, "某某县人民政府")
        XCTAssertEqual(record.date.description, "2020-02-03")
        XCTAssertEqual(record.indicators.first?.year, 2020)
        XCTAssertEqual(record.indicators.first?.owners, ["县市场监管局"])
        XCTAssertTrue(result.recordText.contains("各乡镇人民政府："))
        XCTAssertFalse(result.findings.contains { $0.message.contains("no 主送机关") })
    }

    func testGarbageBytesAreAClearErrorAndNoRecord() throws {
        XCTAssertThrowsError(try NoticeImporter().importNotice(data: try ImportFixture.data("garbage.bin"), path: "in/garbage.bin")) { error in
            let diagnostic = error as? Diagnostic
            XCTAssertNotNil(diagnostic)
            XCTAssertTrue(diagnostic?.description.hasPrefix("in/garbage.bin:1:1: error: ") == true, "\(error)")
        }
        XCTAssertThrowsError(try NoticeImporter().importNotice(data: try ImportFixture.data("no-chinese.txt"), path: "no-chinese.txt")) { error in
            XCTAssertTrue("\(error)".contains("no Chinese text"), "\(error)")
        }
        XCTAssertThrowsError(try NoticeImporter().importNotice(data: Data(), path: "empty.txt"))
        let noTitle = Data("这是一段没有标题的中文文字，只是普通的说明，没有任何公文的格式，也没有日期和文号。".utf8)
        XCTAssertThrowsError(try NoticeImporter().importNotice(data: noTitle, path: "prose.txt")) { error in
            XCTAssertTrue("\(error)".contains("no document title"), "\(error)")
        }
    }

    func testDocumentNumbersKeepTheOfficialBrackets() {
        for form in ["射政发〔2023〕16号", "射政发[2023]16号", "射政发【2023】16号", "射政发(2023)16号", "射政发（2023）16号", "射政发 [ 2023 ] 16 号"] {
            XCTAssertEqual(DocNumber.first(in: form)?.docNo, "射政发〔2023〕16号", form)
        }
        XCTAssertNil(DocNumber.first(in: "2023年6月7日"))
    }

    func testDatesBecomeISO() {
        for form in ["2023年6月7日", "2023-06-07", "2023.6.7", "2023/6/7", "二〇二三年六月七日", "2023 年 6 月 7 日"] {
            XCTAssertEqual(DocDate.first(in: form)?.date.description, "2023-06-07", form)
        }
        XCTAssertEqual(DocDate.standalone("  2018年5月21日 "), CalendarDate(year: 2018, month: 5, day: 21))
        XCTAssertNil(DocDate.standalone("2018年5月21日印发"))
    }

    func testBrokenPipeTableIsRebuilt() throws {
        let lines = ["序号 |", "内 容 |", "指标 |", "责任单位 |", "||", "1 |", "合格率 |", "95% |", "县质监局 |", "||",
                     "2 |", "质量管理工程 |", "卓越绩效模式 |", "5家 |", "县质监局 |", "|", "质量管理培训 |", "5家 |", "县质监局 |", "|||"]
        let rows = try XCTUnwrap(PipeTable.rows(lines))
        XCTAssertEqual(rows[0], ["序号", "内容", "指标", "责任单位"])
        XCTAssertEqual(rows.count, 4)
        XCTAssertTrue(rows.allSatisfy { $0.count == 4 })
        XCTAssertEqual(rows[3][0], "2", "a rowspan cell is carried down")
        XCTAssertEqual(rows[3][1], "质量管理工程：质量管理培训")
        let targets = TableIndicators.extract(rows, line: 1, year: 2013, category: nil)
        XCTAssertEqual(targets.map(\.name), ["合格率", "卓越绩效模式", "质量管理培训"])
    }

    func testNumbersThatAreNotTargets() {
        let extractor = IndicatorExtractor()
        let text = "落实《江苏省基本公共服务实施标准(2021年版)》，聚焦六大先进制造业集群和13个优势产业链，以电池等5个重点消费品为突破口，打造“10分钟文化圈”2.0版，开展PM2.5污染防治，不发生3人以上死亡的较大事故。"
        XCTAssertEqual(extractor.extract(text, line: 1, context: .init()).map(\.name), [])
        let targets = extractor.extract("建成2个面积不少于1000平方米的养老服务综合体和20个示范性长者幸福食堂。", line: 1, context: .init())
        XCTAssertEqual(targets.map(\.target), [2, 20])
        XCTAssertEqual(targets.last?.name, "示范性长者幸福食堂")
    }

    func testEmittedYAMLQuotesWhatItMust() throws {
        var fields = RecordFields()
        fields.title = "关于: #印发\"通知\""
        fields.issuer = "- 某局"
        fields.docNo = "true"
        fields.summary = "123"
        fields.topics = ["a, b", "[c]"]
        fields.indicators = [IndicatorTarget(name: "合格率: 100%", comparator: .atLeast, target: 96.5, unit: "%", owners: ["县局"], note: "'引号'")]
        let text = RecordEmitter.frontMatter(fields) + "\n正文\n"
        let record = try RecordDecoder().decode(text, path: "x.md")
        XCTAssertEqual(record.title, fields.title)
        XCTAssertEqual(record.issuer, "- 某局")
        XCTAssertEqual(record.docNo, "true")
        XCTAssertEqual(record.summary, "123")
        XCTAssertEqual(record.topics, ["a, b", "[c]"])
        XCTAssertEqual(record.indicators.first?.name, "合格率: 100%")
        XCTAssertEqual(record.indicators.first?.target, 96.5)
        XCTAssertEqual(record.indicators.first?.note, "'引号'")
    }
}
