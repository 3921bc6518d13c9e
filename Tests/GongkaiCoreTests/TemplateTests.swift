import Foundation
import Testing
@testable import GongkaiCore

@Suite struct TemplateTests {
    /// The binary's default templates are the repository's `Templates/` (run
    /// Scripts/embed-templates.py after editing them).
    @Test func builtinTemplatesMatchTheTemplatesFolder() throws {
        let folder = repositoryRoot.appendingPathComponent("Templates")
        for (name, builtin) in BuiltinTemplates.templates {
            let file = try String(contentsOf: folder.appendingPathComponent("\(name).mustache"), encoding: .utf8)
            #expect(file == builtin, "Templates/\(name).mustache differs from the built-in copy")
        }
        for (path, builtin) in BuiltinTemplates.assets {
            #expect(try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) == builtin, "\(path)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".mustache") }
        #expect(files.count == BuiltinTemplates.templates.count)
    }

    @Test func aProjectWithOnlyContentBuildsWithTheDefaults() throws {
        let project = try makeProject(["Content/records/a.md": recordText()])
        defer { try? FileManager.default.removeItem(at: project.root) }
        let report = try SiteBuilder(project: project).build(output: project.output)
        #expect(report.records == 1)
        let html = text(try Data(contentsOf: project.output.appendingPathComponent("records/a.html")))
        #expect(html.contains("<h1 class=\"record-title\">关于测试的通知</h1>"))
        #expect(!html.contains("量化指标"), "a record without targets has no indicator section")
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent("assets/style.css").path))
    }

    @Test func userTemplatesOverrideTheDefaults() throws {
        let project = try makeProject([
            "Content/records/a.md": recordText(),
            "Templates/404.mustache": "{{<layout}}{{$main}}<h1>找不到</h1>{{/main}}{{/layout}}",
        ])
        defer { try? FileManager.default.removeItem(at: project.root) }
        _ = try SiteBuilder(project: project).build(output: project.output)
        #expect(text(try Data(contentsOf: project.output.appendingPathComponent("404.html"))).contains("<h1>找不到</h1>"))
    }

    @Test func theNotFoundPageLinksAbsolutelyWhenTheBaseURLIsKnown() throws {
        let project = try makeProject([
            "Content/records/a.md": recordText(),
            "Content/site.yml": "title: 测试站\nbase_url: https://www.example.gov.cn/xxgk\n",
        ])
        defer { try? FileManager.default.removeItem(at: project.root) }
        _ = try SiteBuilder(project: project).build(output: project.output)
        let notFound = text(try Data(contentsOf: project.output.appendingPathComponent("404.html")))
        #expect(notFound.contains("href=\"https://www.example.gov.cn/xxgk/records/index.html\""))
        let record = text(try Data(contentsOf: project.output.appendingPathComponent("records/a.html")))
        #expect(record.contains("href=\"../records/index.html\"") && !record.contains("https://www.example.gov.cn"))
    }

    @Test func aTemplateErrorNamesTheFileAndLine() throws {
        let project = try makeProject([
            "Content/records/a.md": recordText(),
            "Templates/404.mustache": "<p>\n{{#open}}never closed\n",
        ])
        defer { try? FileManager.default.removeItem(at: project.root) }
        let error = #expect(throws: Diagnostic.self) { try SiteBuilder(project: project).build(output: project.output) }
        #expect(error?.description.hasPrefix("Templates/404.mustache:") == true, "\(String(describing: error))")
        #expect(!FileManager.default.fileExists(atPath: project.output.path))
    }

    @Test func listsArePaginatedNewestFirst() throws {
        var files = ["Content/site.yml": "title: 测试站\npage_size: 2\n"]
        for day in 1...5 {
            files["Content/records/r\(day).md"] = recordText(title: "文件\(day)", date: "2023-01-0\(day)")
        }
        let project = try makeProject(files)
        defer { try? FileManager.default.removeItem(at: project.root) }
        _ = try SiteBuilder(project: project).build(output: project.output)
        let output = try readTree(project.output)
        #expect(HTMLScan.listedRecords(in: text(output["records/index.html"])) == ["r5", "r4"])
        #expect(HTMLScan.listedRecords(in: text(output["records/page-2.html"])) == ["r3", "r2"])
        #expect(HTMLScan.listedRecords(in: text(output["records/page-3.html"])) == ["r1"])
        #expect(text(output["records/page-2.html"]).contains("rel=\"next\""))
        #expect(output["records/page-4.html"] == nil)
    }
}
