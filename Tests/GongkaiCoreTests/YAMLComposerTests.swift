import Foundation
import Testing
import Yams
@testable import GongkaiCore

/// The composer over libyaml's events must give exactly the tree Yams gives, or hand the
/// document to Yams.
@Suite struct YAMLComposerTests {
    /// What `YAMLReader` made of `yaml` before the composer: Yams' tree, or its error.
    private func yamsTree(_ yaml: String) throws -> YAMLNode? {
        try Yams.compose(yaml: yaml, .basic, .default, .utf8).map(YAMLNode.init)
    }

    @Test(arguments: [
        "",
        "# only a comment\n",
        "title: \"关于印发《质量强县工作要点》的通知\"\nissuer: 东坪县人民政府\ndate: 2013-05-10\n",
        "topics: [\"水利\", '商贸流通', plain]\nowners:\n  - 县工信局\n  -\n  - \"\"\n",
        "summary: |\n  第一行\n  第二行\n\nnote: >\n  folded\n  text\n",
        "a: ~\nb: null\nc: 'null'\nd:\ne: \"\"\n",
        "indicators:\n  - id: \"ind-052\"\n    name: 高技能人才培养\n    target: 472\n    owners: [a, b]\n  - {id: x, target: 1.5}\n",
        "nested:\n  deeper:\n    deepest: [[1, 2], {k: v}]\n",
        "--- \ntitle: x\n...\n",
        "  indented: 1\n  second: 2\n",
        "列表:\n- 一\n- 二\n",
        "plain scalar spanning\n  two lines\n",
        "- just\n- a list\n",
    ])
    func givesYamsTree(yaml: String) throws {
        guard case let .composed(tree) = YAMLComposer.compose(yaml) else {
            Issue.record("handed to Yams: \(yaml)")
            return
        }
        let expected = try yamsTree(yaml)
        #expect(tree == expected, "\(yaml)")
    }

    /// Documents the composer leaves to Yams; the reader still reads them, or reports Yams' error.
    @Test(arguments: [
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: !custom {b: 1}\n",
        "a: 1\na: 2\n",
        "a: 1\n\"a\": 2\n",
        "? [a, b]\n: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: [1, 2\n",
        "a: \"unclosed\n",
        "a: b: c\n",
        "\t- tab\n",
    ])
    func leavesTheRestToYams(yaml: String) {
        guard case .needsYams = YAMLComposer.compose(yaml) else {
            Issue.record("composed without Yams: \(yaml)")
            return
        }
        let reader = YAMLReader(path: "x.yml", lineOffset: 0)
        switch Result(catching: { try yamsTree(yaml) }) {
        case let .success(tree): #expect((try? reader.compose(yaml)) == tree, "\(yaml)")
        case .failure: #expect(throws: Diagnostic.self, "\(yaml)") { try reader.compose(yaml) }
        }
    }

    /// Every shipped record and YAML file composes to Yams' own tree.
    @Test func shippedContentGivesYamsTrees() throws {
        let content = repositoryRoot.appendingPathComponent("Content")
        let files = try FileManager.default.subpathsOfDirectory(atPath: content.path)
            .filter { ($0.hasPrefix("records/") && $0.hasSuffix(".md")) || $0.hasSuffix(".yml") }.sorted()
        #expect(files.count >= 7)
        for file in files {
            let text = try String(contentsOf: content.appendingPathComponent(file), encoding: .utf8)
            let yaml = file.hasSuffix(".md") ? try FrontMatter.split(text, path: file).yaml : text
            guard case let .composed(tree) = YAMLComposer.compose(yaml) else {
                Issue.record("handed to Yams: \(file)")
                continue
            }
            let expected = try yamsTree(yaml)
            #expect(tree != nil && tree == expected, "\(file)")
        }
    }
}
