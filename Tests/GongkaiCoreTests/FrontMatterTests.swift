import Testing
@testable import GongkaiCore

@Suite struct FrontMatterTests {
    @Test func splitsOnFenceLinesOnly() throws {
        let text = "---\ntitle: \"a --- b\"\n---\nbody\n\n---\n\nmore\n"
        let parts = try FrontMatter.split(text, path: "a.md")
        #expect(parts.yaml == "title: \"a --- b\"\n")
        #expect(parts.body == "body\n\n---\n\nmore\n")
        #expect(parts.bodyFirstLine == 4)
    }

    @Test func normalisesBOMAndCRLF() throws {
        let parts = try FrontMatter.split("\u{FEFF}---\r\ntitle: x\r\n---\r\nbody\r\n", path: "a.md")
        #expect(parts.yaml == "title: x\n")
        #expect(parts.body == "body\n")
    }

    /// The byte reader finds the YAML and the body where `split` finds them, and leaves the
    /// files `split` has to normalise to `split`.
    @Test func theRangesInBytesMatchSplit() throws {
        for text in ["---\ntitle: \"a --- b\"\n---\nbody\n\n---\n\nmore\n", "---  \ntitle: x\n...\t\n正文", "---\ntitle: x\n---"] {
            let bytes = Array(text.utf8)
            let ranges = try #require(bytes.withUnsafeBufferPointer(FrontMatter.ranges), "\(text)")
            let parts = try FrontMatter.split(text, path: "a.md")
            #expect(String(decoding: bytes[ranges.body...], as: UTF8.self) == parts.body)
            #expect(String(decoding: bytes[ranges.yaml], as: UTF8.self) == parts.yaml)
            #expect(parts.yamlFirstLine == 2)
        }
        for text in ["\u{FEFF}---\ntitle: x\n---\nbody\n", "---\r\ntitle: x\r\n---\r\nbody\r\n", "title: x\n", "---\ntitle: x\n"] {
            #expect(Array(text.utf8).withUnsafeBufferPointer(FrontMatter.ranges) == nil, "\(text)")
        }
    }

    @Test func trimmingWhitespaceTakesIdeographicSpacesToo() {
        #expect("\u{3000} 射阳县\t\n".trimmingWhitespace == "射阳县")
        #expect("射 阳".trimmingWhitespace == "射 阳")
        #expect(" \u{3000}\n".trimmingWhitespace == "")
    }

    /// The quick check lists Unicode's White_Space scalars itself: it must agree with Unicode's
    /// own property at both ends, for every scalar up to past the last white-space one (U+3000).
    @Test func trimmingAgreesWithUnicodeWhiteSpace() {
        for value in UInt32(0)..<0x3100 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let isWhite = scalar.properties.isWhitespace
            #expect("\(scalar)阳".trimmingWhitespace == (isWhite ? "阳" : "\(scalar)阳"), "U+\(String(value, radix: 16))")
            #expect("阳\(scalar)".trimmingWhitespace == (isWhite ? "阳" : "阳\(scalar)"), "U+\(String(value, radix: 16))")
        }
    }

    @Test func missingOrUnclosedFrontMatterIsAnError() {
        #expect(throws: Diagnostic.self) { try FrontMatter.split("title: x\n", path: "a.md") }
        let error = #expect(throws: Diagnostic.self) { try FrontMatter.split("---\ntitle: x\nbody\n", path: "a.md") }
        #expect(error?.description.hasPrefix("a.md:1:1: error: front matter is not closed") == true)
    }
}

@Suite struct RecordDecoderTests {
    let decoder = RecordDecoder()

    @Test func readsEnglishAndChineseKeys() throws {
        let text = """
        ---
        标题: 关于印发质量工作要点的通知
        发布机构: 太仓市人民政府
        成文日期: 2022-06-02
        文号: 太政办〔2022〕64号
        主题分类: 市场监管、安全生产监管
        status: 有效
        indicators:
          - 名称: 制造业产品质量合格率
            comparator: ">="
            目标: 96.8
            单位: "%"
            year: 2022
          - name: 新创市长质量奖
            comparator: range
            target: 3
            target_max: 5
            unit: 个
        ---
        正文
        """
        let record = try decoder.decode(text, path: "Content/records/taicang-2022.md")
        #expect(record.slug == "taicang-2022")
        #expect(record.title == "关于印发质量工作要点的通知")
        #expect(record.docNo == "太政办〔2022〕64号")
        #expect(record.date.description == "2022-06-02")
        #expect(record.topics == ["市场监管", "安全生产监管"])
        #expect(record.indicators.count == 2)
        #expect(record.indicators[0].target == 96.8)
        #expect(record.indicators[0].formattedTarget == "≥96.8%")
        #expect(record.indicators[1].formattedTarget == "3–5个")
    }

    @Test(arguments: [
        ("title: x\nissuer: y\n", "2:1", "missing required key 'date'"),
        ("title: x\nissuer: y\ndate: 2023-13-01\n", "4:7", "'date' must be a date written YYYY-MM-DD"),
        ("title: x\nissuer: y\ndate: 2023-01-01\nstatus: 作废\n", "5:9", "'status' (时效性) must be one of"),
        ("title: x\nissuer: y\ndate: 2023-01-01\ntitel: z\n", "5:1", "unknown key 'titel'"),
        ("title: x\nissuer: [y\ndate: 2023-01-01\n", "4:", "invalid YAML"),
        ("title: x\nissuer: y\ndate: 2023-01-01\nindicators:\n  - name: a\n    comparator: \">\"\n    target: 1\n", "7:17", "'comparator' must be"),
        ("title: x\nissuer: y\ndate: 2023-01-01\nindicators:\n  - name: a\n    comparator: range\n    target: 5\n", "6:5", "a 'range' target needs 'target_max'"),
        ("title: x\nissuer: y\ndate: 2023-01-01\nindicators:\n  - name: a\n    comparator: \">=\"\n    target: 九十\n", "8:13", "'target' must be a number"),
    ])
    func locatesErrors(frontMatter: String, position: String, message: String) {
        let error = #expect(throws: Diagnostic.self) {
            try decoder.decode("---\n\(frontMatter)---\nbody\n", path: "Content/records/bad.md")
        }
        let description = error?.description ?? ""
        #expect(description.hasPrefix("Content/records/bad.md:\(position)"), "\(description)")
        #expect(description.contains("error: \(message)"), "\(description)")
    }

    @Test func rejectsBadSlugs() {
        #expect(throws: Diagnostic.self) { try decoder.decode(recordText(), path: "Content/records/Bad Name.md") }
    }
}
