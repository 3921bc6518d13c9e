import Foundation
import Testing
@testable import GongkaiCore

/// Rendering on all cores must give what one thread gives, and `--stats` must count every page.
@Suite struct ParallelRenderTests {
    /// libcmark-gfm clears its global table of autolink trigger characters after each
    /// document; without the lock around `cmark_parser_finish`, some of these lost their links.
    @Test func autolinksSurviveParallelRendering() {
        let renderer = MarkdownRenderer()
        let paragraph = String(repeating: "本文件正文，共同推进质量强县建设。", count: 40)
        let documents = (0..<400).map { "\(paragraph)\n\n详见 https://zwgk.example.gov.cn/\($0).html\n\n\(paragraph)\n" }
        let html = documents.parallelMap { renderer.html($0) }
        for (index, page) in html.enumerated() {
            #expect(page.contains("<a href=\"https://zwgk.example.gov.cn/\(index).html\">"), "document \(index)")
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
