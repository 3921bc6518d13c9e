import Testing
@testable import GongkaiCore

@Suite struct MarkdownRendererTests {
    let markdown = MarkdownRenderer()

    @Test func rendersGFMExtensions() {
        let html = markdown.html("| 指标 | 目标 |\n|---|---:|\n| 合格率 | 96% |\n\n~~旧~~ 见 https://www.gov.cn 。[^1]\n\n[^1]: 注释\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<td align=\"right\">96%</td>"))
        #expect(html.contains("<del>旧</del>"))
        #expect(html.contains("<a href=\"https://www.gov.cn\">https://www.gov.cn</a>"))
        #expect(html.contains("footnote"))
    }

    /// libcmark-gfm shares state between parsers (see MarkdownRenderer.parseLock): documents
    /// rendered on many threads at once must come out as they do one at a time.
    @Test func rendersTheSameOnManyThreads() {
        let paragraph = "~~删除~~ 见 https://www.gov.cn/a 和 www.example.cn。\n\n| a | b |\n|---|---|\n| ~~x~~ | https://a.cn |\n\n"
        let documents = (0..<200).map { "第\($0)条\n\n" + String(repeating: paragraph, count: 40 + $0 % 7) }
        let serial = documents.map(markdown.html)
        for _ in 0..<3 {
            let parallel = documents.parallelMap(markdown.html)
            let differing = parallel.indices.filter { parallel[$0] != serial[$0] }
            #expect(differing.isEmpty, "documents rendered differently on threads: \(differing.prefix(10))")
        }
        #expect(serial[3].contains("<del>删除</del>") && serial[3].contains("<a href=\"https://www.gov.cn/a\">"))
    }

    @Test func keepsRawHTMLAndUnsafeLinksOut() {
        let html = markdown.html("<script>alert(1)</script>\n\n[点我](javascript:alert(1))\n")
        #expect(!html.contains("<script>"))
        #expect(!html.contains("javascript:"))
    }
}
