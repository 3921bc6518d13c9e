import Foundation
import Testing
@testable import GongkaiCore

/// The body check must accept exactly what the standard library accepts as UTF-8.
@Suite struct UTF8ValidationTests {
    private func agrees(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer(UTF8Validation.isValid) == (String(validating: bytes, as: UTF8.self) != nil)
    }

    /// Every lead byte with every second byte, and third and fourth bytes at each edge of the
    /// continuation range, alone and after text that puts them at each offset of an eight-byte word.
    @Test func agreesWithTheStandardLibraryOnEverySequenceShape() {
        let edges: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xE0, 0xF4, 0xFF]
        var disagreements: [[UInt8]] = []
        for lead in UInt8(0x80)...0xFF {
            if !agrees([lead]) { disagreements.append([lead]) }
            for second in UInt8.min...UInt8.max {
                if !agrees([lead, second]) { disagreements.append([lead, second]) }
                for third in edges {
                    if !agrees([lead, second, third]) { disagreements.append([lead, second, third]) }
                    guard lead >= 0xF0 else { continue }
                    for fourth in [0x80, 0xBF, 0xC0] as [UInt8] where !agrees([lead, second, third, fourth]) {
                        disagreements.append([lead, second, third, fourth])
                    }
                }
            }
        }
        for padding in 0..<9 {
            for tail in [[0xE4, 0xB8, 0xAD], [0xE4, 0xB8], [0xED, 0xA0, 0x80], [0xF0, 0x9F, 0x98, 0x80], [0xFF]] as [[UInt8]] {
                let bytes = Array(repeating: UInt8(ascii: "a"), count: padding) + tail + Array("尾".utf8)
                if !agrees(bytes) { disagreements.append(bytes) }
            }
        }
        // Inside runs of three-byte characters, which are checked four at a time.
        let bad: [[UInt8]] = [[0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xE4, 0xB8, 0x41], [0xE4, 0x41, 0xAD], [0xC4, 0xB8, 0xAD],
                              [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEF, 0xBF, 0xBD]]
        for padding in 0..<3 {
            for slot in 0..<12 {
                for sequence in bad {
                    var characters = Array(repeating: Array("中".utf8), count: 12)
                    characters[slot] = sequence
                    let bytes = Array(repeating: UInt8(ascii: "a"), count: padding) + characters.flatMap { $0 }
                    if !agrees(bytes) { disagreements.append(bytes) }
                }
            }
        }
        #expect(disagreements.isEmpty, "\(disagreements.prefix(5))")
    }

    @Test func acceptsRealText() throws {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("Content/records").appendingPathComponent(
            try #require(FileManager.default.contentsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Content/records").path)
                .first { $0.hasSuffix(".md") })), encoding: .utf8)
        #expect(Array(text.utf8).withUnsafeBufferPointer(UTF8Validation.isValid))
        #expect(Array("".utf8).withUnsafeBufferPointer(UTF8Validation.isValid))
    }

    /// A record that is not UTF-8, in its front matter or its body, is an error naming the file;
    /// the other records still decode.
    @Test func aRecordThatIsNotUTF8IsAnError() throws {
        let project = try makeProject([
            "Content/records/good.md": recordText(),
            "Content/records/bad-body.md": recordText(body: "正文。\n"),
            "Content/records/bad-yaml.md": recordText(),
        ])
        defer { try? FileManager.default.removeItem(at: project.root) }
        // GBK bytes for 正文 in place of UTF-8 ones.
        var body = Array(recordText(body: "").utf8)
        body += [0xD5, 0xFD, 0xCE, 0xC4, 0x0A]
        try Data(body).write(to: project.records.appendingPathComponent("bad-body.md"))
        var yaml = Array(recordText().utf8)
        yaml.replaceSubrange(12..<15, with: [0xB9, 0xD8])
        try Data(yaml).write(to: project.records.appendingPathComponent("bad-yaml.md"))

        let error = #expect(throws: DiagnosticList.self) { try ContentLoader(project: project).records() }
        let message = error?.description ?? ""
        #expect(message.contains("Content/records/bad-body.md:1:1: error: file is not UTF-8 text"), "\(message)")
        #expect(message.contains("Content/records/bad-yaml.md:1:1: error: file is not UTF-8 text"), "\(message)")
        #expect(!message.contains("good.md"), "\(message)")
    }
}
