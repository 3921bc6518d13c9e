import Foundation
import Mustache
import Testing
@testable import GongkaiCore

/// Gongkai renders swift-mustache's parsed templates with its own renderer (`CompiledTemplate`).
/// These tests hold the two renderers to the same bytes: on every page of the test sites, and on
/// small templates that reach the corners of Mustache (indented partials, inheritance, the
/// context stack).
@Suite struct TemplateRenderingTests {
    /// Every templated page of a site, rendered both ways.
    private func expectBothRenderersAgree(on project: Project) throws {
        let loader = ContentLoader(project: project)
        let model = try SiteModel(loader.content(config: loader.siteConfig()))
        let templates = try TemplateSet.load(from: project.templates, project: project)
        #expect(templates.compiled != nil, "the default templates compile")
        let renderer = PageRenderer(model: model, templates: templates, body: { try loader.body(of: $0) })
        var compared = 0
        for page in model.pages {
            if case .download = page.kind { continue }
            let context = try renderer.context(of: page)
            let compiled = String(decoding: templates.render(context, template: page.template), as: UTF8.self)
            let reference = templates.renderWithMustache(context, template: page.template)
            #expect(compiled == reference, "\(page.path)")
            compared += 1
        }
        #expect(compared > 10)
    }

    @Test func theShippedSiteRendersAsSwiftMustacheRendersIt() throws {
        try expectBothRenderersAgree(on: Project(root: repositoryRoot))
    }

    @Test func theFictionalValuesSiteRendersAsSwiftMustacheRendersIt() throws {
        let content = try #require(Bundle.module.url(forResource: "Fixtures/Sites/fictional-values/Content", withExtension: nil))
        let project = try makeProject([:])
        defer { try? FileManager.default.removeItem(at: project.root) }
        try FileManager.default.copyItem(at: content, to: project.root.appendingPathComponent("Content"))
        try expectBothRenderersAgree(on: project)
    }

    /// Short pages, so lists have gaps in their pagination.
    @Test func aPaginatedSiteRendersAsSwiftMustacheRendersIt() throws {
        let fixture = try IncrementalFixture(records: 30, seed: 7)
        defer { fixture.remove() }
        try expectBothRenderersAgree(on: fixture.project)
    }

    /// The escaper skips eight bytes at a time when none needs escaping: every character that
    /// needs it, at every offset of texts of every length around the word size, is still escaped.
    @Test func escapingFindsEveryCharacterAtEveryOffset() {
        func reference(_ text: String) -> String {
            text.map { ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"][$0] ?? String($0) }.joined()
        }
        for length in 0..<20 {
            for special in ["&", "<", ">", "\"", "'", "%", "="] {
                for offset in 0..<max(length, 1) {
                    var characters = Array(repeating: "a", count: length)
                    if length > 0 { characters[offset] = special }
                    for filler in ["a", "政"] {
                        let text = characters.map { $0 == "a" ? filler : $0 }.joined()
                        var output: [UInt8] = []
                        HTMLEscaping.append(text, to: &output)
                        #expect(String(decoding: output, as: UTF8.self) == reference(text), "\(text)")
                    }
                }
            }
        }
    }

    static let corners: [(name: String, templates: [String: String], context: TemplateObject)] = [
        ("escaping and scalars", ["page": "<p title=\"{{t}}\">{{t}} {{{t}}} {{&t}} {{n}} {{b}} {{missing}}|{{u}}|{{{u}}}</p>"],
         ["t": "<a href='x'>&\"甲\"</a>", "n": 42, "b": false, "u": .bytes(Array("<p>正文 & 'x'</p>".utf8))]),
        ("dotted, anchored and current names",
         ["page": "{{a.b.c}} {{#a}}{{b.c}}{{.b.c}}{{#b}}[{{c}}{{x}}{{.x}}]{{/b}}{{/a}} {{a.missing.c}} {{#list}}{{.}},{{/list}}"],
         ["a": ["b": ["c": "深"]], "x": "外", "list": ["一", "二"]]),
        ("a name found on an outer object stops the search",
         ["page": "{{#inner}}{{a.b}}{{/inner}}"], ["a": ["b": "outer"], "inner": ["a": ["c": "no b here"]]]),
        ("sections over values",
         ["page": "{{#t}}t:{{.}}{{/t}}{{#f}}never{{/f}}{{^f}}not f{{/f}}{{#empty}}never{{/empty}}{{^empty}}none{{/empty}}{{#zero}}zero is {{.}}{{/zero}}{{^list}}never{{/list}}{{#list}}<{{n}}>{{/list}}\n"],
         ["t": "文字", "f": false, "empty": [], "zero": 0, "list": [["n": 1], ["n": 2]]]),
        ("standalone tags and comments",
         ["page": "<ul>\n  {{#items}}\n  <li>{{.}}</li>\n  {{/items}}\n  {{! a comment }}\n</ul>\n{{=<% %>=}}\n<% items %>\n"],
         ["items": ["甲", "乙"]]),
        ("indented partials, nested",
         ["page": "<div>\n  {{> outer}}\n</div>\n", "outer": "<section>\n  {{> inner}}\n</section>\n{{#items}}\n{{> inner}}\n{{/items}}\n",
          "inner": "<p>{{label}}</p>\n<p>二</p>\n"],
         ["label": "标签", "items": [["label": "一"], ["label": "二"]]]),
        ("inheritance, two levels, with defaults",
         ["page": "{{<middle}}{{$title}}页{{/title}}{{/middle}}",
          "middle": "{{<base}}{{$title}}中{{/title}}{{$body}}中间的正文 {{x}}{{/body}}{{/base}}",
          "base": "<title>{{$title}}默认{{/title}}</title>\n<main>\n  {{$body}}默认正文{{/body}}\n</main>\n{{$foot}}脚{{/foot}}"],
         ["x": "值"]),
        ("indented blocks",
         ["page": "{{<base}}\n{{$body}}\n一\n二\n{{/body}}\n{{/base}}\n", "base": "<main>\n    {{$body}}{{/body}}\n</main>\n"], [:]),
    ]

    @Test(arguments: corners.indices)
    func aCornerOfMustacheRendersAsSwiftMustacheRendersIt(_ index: Int) throws {
        let corner = Self.corners[index]
        var library = MustacheLibrary()
        var compiled: [String: CompiledTemplate] = [:]
        for (name, text) in corner.templates {
            let template = try MustacheTemplate(string: text)
            library.register(template, named: name)
            let compiledTemplate = try #require(CompiledTemplate.compile(template), "\(corner.name): \(name) compiles")
            compiled[name] = compiledTemplate
        }
        let expected = try #require(library.render(TemplateValue.object(corner.context).mustacheValue, withTemplate: "page"))
        let actual = String(decoding: TemplateRenderer.render("page", context: corner.context, templates: compiled), as: UTF8.self)
        #expect(actual == expected, "\(corner.name)")
    }

    /// A template that uses what only swift-mustache renders (here a transform) makes the whole
    /// set render through swift-mustache, with the same result a user would expect from it.
    @Test func aTemplateWithATransformIsRenderedBySwiftMustache() throws {
        let project = try makeProject([
            "Content/records/a.md": recordText(),
            "Content/records/b.md": recordText(title: "关于第二件的通知", date: "2023-02-03"),
            "Templates/list.mustache": "{{<layout}}{{$main}}<ol>{{#items}}<li data-i=\"{{index()}}\">{{title}}</li>{{/items}}</ol>{{/main}}{{/layout}}",
        ])
        defer { try? FileManager.default.removeItem(at: project.root) }
        #expect(try TemplateSet.load(from: project.templates, project: project).compiled == nil)
        let report = try SiteBuilder(project: project).build(output: project.output)
        #expect(report.statsTable.contains("Templates/list.mustache uses a transform"), "--stats says why the build is slower")
        let html = text(try Data(contentsOf: project.output.appendingPathComponent("records/index.html")))
        #expect(html.contains("<li data-i=\"0\">关于第二件的通知</li><li data-i=\"1\">关于测试的通知</li>"))
    }
}
