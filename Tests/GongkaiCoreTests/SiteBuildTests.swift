import Foundation
import Testing
@testable import GongkaiCore

/// Builds the shipped `Content/` (the five real notices) and reads the HTML.
@Suite struct SiteBuildTests {
    /// The five seed notices: slug → (文号, 发布机构) as the documents give them.
    static let seeds: [(slug: String, docNo: String, issuer: String)] = [
        ("sheyang-2023-quality-county", "射政发〔2023〕16号", "射阳县人民政府"),
        ("yangzhou-2023-quality-city", "扬府发〔2023〕141号", "扬州市人民政府"),
        ("guichi-2018-quality-district", "贵政办〔2018〕22号", "贵池区人民政府(办公室)"),
        ("taicang-2022-quality-work-points", "太政办〔2022〕64号", "太仓市人民政府办公室"),
        ("tiantai-2013-quality-county-plan", "天政办发〔2013〕62号", "天台县人民政府办公室"),
    ]

    /// Builds a copy of the real site and returns its files.
    static func buildRealSite() throws -> (project: Project, files: [String: Data]) {
        let project = try copyOfRealSite()
        _ = try SiteBuilder(project: project).build(output: project.output)
        return (project, try readTree(project.output))
    }

    @Test func eachSeedPageShowsItsDocNoAndIssuer() throws {
        let (project, files) = try Self.buildRealSite()
        defer { try? FileManager.default.removeItem(at: project.root) }
        for seed in Self.seeds {
            let html = text(files["records/\(seed.slug).html"])
            #expect(!html.isEmpty, "no page for \(seed.slug)")
            #expect(html.contains("<dt>文号</dt><dd>\(seed.docNo)</dd>"), "\(seed.slug): 文号")
            #expect(html.contains(">\(seed.issuer)</a></dd>"), "\(seed.slug): 发布机构")
            #expect(html.contains("<h1 class=\"record-title\">"))
        }
    }

    @Test func listPagesHoldTheRecordsTheyShould() throws {
        let (project, files) = try Self.buildRealSite()
        defer { try? FileManager.default.removeItem(at: project.root) }
        // Group the records independently of the site model, straight from their files.
        let records = try ContentLoader(project: project).records()
        #expect(records.count == 5)
        let newestFirst = records.sorted { ($0.date, $1.slug) > ($1.date, $0.slug) }.map(\.slug)
        #expect(HTMLScan.listedRecords(in: text(files["records/index.html"])) == newestFirst)
        #expect(HTMLScan.listedRecords(in: text(files["index.html"])) == newestFirst)

        for kind in TaxonomyKind.allCases {
            var expected: [String: [String]] = [:]
            for slug in newestFirst {
                let record = records.first { $0.slug == slug }!
                for term in Set(kind.terms(of: record)) { expected[term, default: []].append(slug) }
            }
            let index = text(files["\(kind.folder)/index.html"])
            for (term, slugs) in expected {
                let path = PagePath.term(kind, Taxonomy.slug(for: term, in: kind), page: 1)
                #expect(HTMLScan.listedRecords(in: text(files[path])) == slugs, "\(path) (\(term))")
                #expect(index.contains("href=\"../\(path)\""), "\(kind.folder)/index.html links \(term)")
            }
        }
    }

    @Test func everyInternalLinkResolves() throws {
        let (project, files) = try Self.buildRealSite()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let paths = Set(files.keys)
        var checked = 0
        for (path, data) in files where path.hasSuffix(".html") {
            for link in HTMLScan.links(in: text(data)) {
                #expect(!link.hasPrefix("/"), "\(path): root-relative link \(link) breaks under a sub-path")
                if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:") { continue }
                #expect(HTMLScan.resolves(link, from: path, in: paths), "\(path): \(link) does not resolve")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func pagesAreSelfContained() throws {
        let (project, files) = try Self.buildRealSite()
        defer { try? FileManager.default.removeItem(at: project.root) }
        for (path, data) in files where path.hasSuffix(".html") {
            let html = text(data)
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), "\(path)")
            #expect(!html.contains("<script"), "\(path) needs no JavaScript")
            for link in HTMLScan.links(in: html) where link.hasPrefix("http") {
                #expect(!html.contains("src=\"\(link)\""), "\(path) loads \(link) from outside")
            }
            #expect(!html.contains("stylesheet\" href=\"http"), "\(path) loads a stylesheet from outside")
        }
    }

    @Test func twoBuildsAreByteIdentical() throws {
        let project = try copyOfRealSite()
        defer { try? FileManager.default.removeItem(at: project.root) }
        let second = project.root.appendingPathComponent("Output2")
        _ = try SiteBuilder(project: project).build(output: project.output)
        _ = try SiteBuilder(project: project).build(output: second)
        let a = try readTree(project.output), b = try readTree(second)
        #expect(a.count > 20)
        #expect(a == b)
    }

    @Test func aBrokenRecordFailsTheBuildAndLeavesOutputUntouched() throws {
        let project = try copyOfRealSite()
        defer { try? FileManager.default.removeItem(at: project.root) }
        _ = try SiteBuilder(project: project).build(output: project.output)
        let before = try readTree(project.output)

        let broken = project.records.appendingPathComponent("broken.md")
        try Data("---\ntitle: 坏记录\nissuer: 测试县人民政府\ndate: 2023-02-30\n---\n正文\n".utf8).write(to: broken)
        let error = #expect(throws: DiagnosticList.self) { try SiteBuilder(project: project).build(output: project.output) }
        #expect(error?.description == "Content/records/broken.md:4:7: error: 'date' must be a date written YYYY-MM-DD, not '2023-02-30'")

        #expect(try readTree(project.output) == before)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: project.root.path)
        #expect(siblings.filter { $0.contains("staging") || $0.contains(".old-") }.isEmpty, "\(siblings)")
    }
}
