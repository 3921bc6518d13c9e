import Foundation
import XCTest
@testable import GongkaiCore

/// The importer against the truth: for each of the five seed pages, a record written by hand by
/// reading the document (Fixtures/Import/expected, copied from Content/records). Metadata must
/// match field for field; indicators are matched on (comparator, target, target_max, unit) plus
/// name similarity, and must reach recall ≥ 0.90 and precision ≥ 0.95 over the five.
final class ImportAccuracyTests: XCTestCase {
    static let seeds: [(file: String, slug: String)] = [
        ("000_27b67f8078aa7d19.txt", "sheyang-2023-quality-county"),
        ("001_9ea6f75e7056fb59.txt", "yangzhou-2023-quality-city"),
        ("002_8a852f39fcf6f680.txt", "guichi-2018-quality-district"),
        ("003_128f4224a9949dbf.txt", "taicang-2022-quality-work-points"),
        ("004_06932c995e1d6b3a.txt", "tiantai-2013-quality-county-plan"),
    ]

    func testMetadataMatchesTheExpectedRecords() throws {
        for seed in Self.seeds {
            let (_, imported) = try ImportFixture.importAndDecode("seeds/\(seed.file)", as: seed.slug)
            let expected = try RecordDecoder().decode(try ImportFixture.text("expected/\(seed.slug).md"), path: "\(seed.slug).md")
            let what = seed.slug
            XCTAssertEqual(imported.title, expected.title, what)
            XCTAssertEqual(imported.issuer, expected.issuer, what)
            XCTAssertEqual(imported.date, expected.date, what)
            XCTAssertEqual(imported.docNo, expected.docNo, what)
            XCTAssertEqual(imported.indexNo, expected.indexNo, what)
            XCTAssertEqual(imported.published, expected.published, what)
            XCTAssertEqual(imported.topics, expected.topics, what)
            XCTAssertEqual(imported.genre, expected.genre, what)
            XCTAssertEqual(imported.disclosure, expected.disclosure, what)
            XCTAssertEqual(imported.scope, expected.scope, what)
            XCTAssertEqual(imported.status, expected.status, what)
            XCTAssertEqual(imported.keywords, expected.keywords, what)
            XCTAssertEqual(imported.summary, expected.summary, what)
            XCTAssertEqual(imported.effective, expected.effective, what)
            XCTAssertEqual(imported.expires, expected.expires, what)
            // Not compared, because the page does not carry them and the importer never invents data:
            // - region (地区): the expected records derive it from knowing where a county lies
            //   (射阳县 → 江苏省盐城市射阳县); no seed prints it.
            // - period (实施期限) and source (来源): the curator's reading (e.g. 2023–2025 from
            //   "自实施意见发布之日起至2025年底", or a portal name from a leave-site dialog).
        }
    }

    func testSeedBodiesAreStructuredAndFreeOfChrome() throws {
        let planTitles = ["**关于进一步加强质量强县建设的实施意见**", nil, "**池州市贵池区创建安徽省质量强区活动实施方案**",
                          "**2022年太仓市质量强市工作要点**", "**2013年度天台县质量强县建设行动计划**"]
        for (seed, planTitle) in zip(Self.seeds, planTitles) {
            let (result, _) = try ImportFixture.importAndDecode("seeds/\(seed.file)", as: seed.slug)
            let body = try FrontMatter.split(result.recordText, path: seed.slug).body
            for chrome in ["当前位置", "打印 关闭", "扫一扫", "访问量", "字体", "朗读", "相关信息", "推荐文章", "热门文章", "站点关键词", "宁波政策", "即将离开"] {
                XCTAssertFalse(body.contains(chrome), "\(seed.slug): chrome '\(chrome)' left in the body")
            }
            XCTAssertTrue(body.contains("\n## 一、"), "\(seed.slug): 一、 is a level-2 heading")
            if let planTitle {
                XCTAssertTrue(body.contains("\n---\n\n\(planTitle)\n"), "\(seed.slug): the plan is kept apart from the cover letter")
            }
        }
        let (tiantai, _) = try ImportFixture.importAndDecode("seeds/004_06932c995e1d6b3a.txt", as: "tiantai")
        XCTAssertTrue(tiantai.recordText.contains("| 序号 | 内容 | 全县指标 | 责任单位 |\n| --- | --- | --- | --- |\n| 1 | 生产环节食品安全监督抽查批次合格率 | 95% | 县质监局 |"),
                      "the annex's broken pipe table is rebuilt as a Markdown table")
        XCTAssertTrue(tiantai.recordText.contains("| 11 | 保障性安居工程：设立永久性责任标牌 | 100% | 县建设规划局 |"), "merged cells are carried")
    }

    func testIndicatorRecallAndPrecision() throws {
        var matched = 0, expectedCount = 0, importedCount = 0
        var lines: [String] = []
        for seed in Self.seeds {
            let (_, imported) = try ImportFixture.importAndDecode("seeds/\(seed.file)", as: seed.slug)
            let expected = try RecordDecoder().decode(try ImportFixture.text("expected/\(seed.slug).md"), path: "\(seed.slug).md")
            let pairs = Self.match(expected: expected.indicators, imported: imported.indicators)
            matched += pairs.count
            expectedCount += expected.indicators.count
            importedCount += imported.indicators.count
            lines.append(String(format: "%@: expected %d, imported %d, matched %d (recall %.3f, precision %.3f)", seed.slug,
                                expected.indicators.count, imported.indicators.count, pairs.count,
                                Double(pairs.count) / Double(max(expected.indicators.count, 1)),
                                Double(pairs.count) / Double(max(imported.indicators.count, 1))))
            let matchedExpected = Set(pairs.map(\.0)), matchedImported = Set(pairs.map(\.1))
            for (i, e) in expected.indicators.enumerated() where !matchedExpected.contains(i) {
                lines.append("    missed: \(e.name) \(e.comparator.rawValue) \(e.formattedTarget)")
            }
            for (i, m) in imported.indicators.enumerated() where !matchedImported.contains(i) {
                lines.append("    extra:  \(m.name) \(m.comparator.rawValue) \(m.formattedTarget)")
            }
        }
        let recall = Double(matched) / Double(expectedCount)
        let precision = Double(matched) / Double(importedCount)
        lines.append(String(format: "indicators over the five seeds: recall %.3f (%d/%d), precision %.3f (%d/%d)",
                            recall, matched, expectedCount, precision, matched, importedCount))
        print(lines.joined(separator: "\n"))
        XCTAssertGreaterThanOrEqual(recall, 0.90)
        XCTAssertGreaterThanOrEqual(precision, 0.95)
    }

    /// Pairs (expected index, imported index): equal comparator, target, target_max and unit, and
    /// names alike (Dice coefficient on character bigrams ≥ 0.4, or one name containing the other);
    /// the most similar pairs are taken first, each indicator used once.
    static func match(expected: [IndicatorTarget], imported: [IndicatorTarget]) -> [(Int, Int)] {
        var candidates: [(score: Double, e: Int, i: Int)] = []
        for (e, x) in expected.enumerated() {
            for (i, y) in imported.enumerated()
            where x.comparator == y.comparator && x.target == y.target && x.targetMax == y.targetMax && x.unit == y.unit {
                let score = similarity(x.name, y.name)
                if score >= 0.4 { candidates.append((score, e, i)) }
            }
        }
        candidates.sort { ($0.score, -$0.e, -$0.i) > ($1.score, -$1.e, -$1.i) }
        var usedE = Set<Int>(), usedI = Set<Int>(), pairs: [(Int, Int)] = []
        for c in candidates where !usedE.contains(c.e) && !usedI.contains(c.i) {
            usedE.insert(c.e); usedI.insert(c.i); pairs.append((c.e, c.i))
        }
        return pairs
    }

    /// Written here, not taken from the importer, so the measure does not depend on the thing measured.
    static func similarity(_ a: String, _ b: String) -> Double {
        func normalise(_ s: String) -> [Character] {
            Array(s.filter { !$0.isWhitespace && !"()（）“”\"《》、，,。".contains($0) })
        }
        let x = normalise(a), y = normalise(b)
        if x.isEmpty || y.isEmpty { return 0 }
        if x == y { return 1 }
        if String(x).contains(String(y)) || String(y).contains(String(x)) { return 0.9 }
        func bigrams(_ c: [Character]) -> [String] { c.count < 2 ? [String(c)] : (0..<(c.count - 1)).map { String(c[$0...($0 + 1)]) } }
        var pool = bigrams(y)
        let bx = bigrams(x)
        var shared = 0
        for g in bx { if let k = pool.firstIndex(of: g) { shared += 1; pool.remove(at: k) } }
        return 2 * Double(shared) / Double(bx.count + bigrams(y).count)
    }
}
