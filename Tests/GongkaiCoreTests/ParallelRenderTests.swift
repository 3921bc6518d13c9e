import Foundation
import Testing
@testable import GongkaiCore

/// Rendering on all cores must give what one thread gives, and `--stats` must count every page.
@Suite struct ParallelRenderTests {
    /// libcmark-gfm 0.29 marks and clears its extensions' special characters in one table for
    /// the process around each document's inline pass; `MarkdownRenderer` keeps them marked and
    /// parses with extensions that leave the table alone. Without that, documents parsed at the
    /// same time as another lost links and strikethrough (this test saw hundreds). Every other
    /// document has a strikethrough, so that documents parsed under the strikethrough lock and
    /// documents parsed without it run at the same time.
    @Test func autolinksAndStrikethroughSurviveParallelRendering() {
        let renderer = MarkdownRenderer()
        // Long paragraphs with the links and strikethrough at their ends: another document's
        // parse finishing in the meantime is what used to unmark their characters.
        let paragraph = String(repeating: "本文件正文，共同推进质量强县建设。", count: 300)
        let documents = (0..<600).map {
            let struck = $0 % 2 == 0 ? "~~第\($0)号已废止~~" : "第\($0)号有效"
            return "\(paragraph)详见 https://zwgk.example.gov.cn/\($0).html 或 www.example.gov.cn/\($0) 。\(struck)。\n"
        }
        let html = documents.parallelMap { renderer.html($0) }
        for (index, page) in html.enumerated() {
            #expect(page.contains("<a href=\"https://zwgk.example.gov.cn/\(index).html\">"), "document \(index)")
            #expect(page.contains("<a href=\"http://www.example.gov.cn/\(index)\">"), "document \(index)")
            #expect(page.contains("<del>第\(index)号已废止</del>") == (index % 2 == 0), "document \(index)")
        }
    }

    @Test func workersVisitEveryIndexOnceAndKeepTheirOwnState() throws {
        let states = try forEachInParallel(count: 1000, chunk: 7, state: { [Int]() }) { seen, index in seen.append(index) }
        #expect(states.flatMap { $0 }.sorted() == Array(0..<1000))
    }

    @Test func theLowestFailingIndexIsThrown() {
        struct Failure: Error, Equatable { var index: Int }
        #expect(throws: Failure(index: 10)) {
            _ = try forEachInParallel(count: 100, chunk: 4, state: { 0 }) { _, index in
                if index >= 10, index % 10 == 0 { throw Failure(index: index) }
            }
        }
    }

    @Test func statsCountEveryPageByTemplate() throws {
        let project = try makeProject([
            "Content/records/a.md": recordText(),
            "Content/records/b.md": recordText(title: "关于第二件的通知", date: "2023-02-03"),
        ])
        defer { try? FileManager.default.removeItem(at: project.root) }
        let report = try SiteBuilder(project: project).build(output: project.output)
        #expect(report.render.templates["record"]?.pages == 2)
        #expect(report.render.templates.values.reduce(0) { $0 + $1.pages } == report.pages)
        #expect(report.stageCPU["parse"] != nil)
        #expect(report.statsTable.contains("record"))
    }
}
