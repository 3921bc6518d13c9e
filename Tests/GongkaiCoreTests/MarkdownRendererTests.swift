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

    @Test func keepsRawHTMLAndUnsafeLinksOut() {
        let html = markdown.html("<script>alert(1)</script>\n\n[点我](javascript:alert(1))\n")
        #expect(!html.contains("<script>"))
        #expect(!html.contains("javascript:"))
    }
}
