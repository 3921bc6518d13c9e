import Foundation
import Testing
@testable import GongkaiCore

/// The downloads' JSON writer: what it writes must read back as what it was given, in the
/// layout of Foundation's pretty-printed `JSONEncoder`.
@Suite struct JSONWriterTests {
    @Test func stringsNumbersAndNestingReadBack() throws {
        let tricky = "引号\"、反斜杠\\、换行\n、制表\t、控制\u{1}、斜杠/、😀"
        let document = JSONWriter.document { json in
            json.beginArray()
            json.element()
            json.beginObject()
            json.member("a", number: 96)
            json.member("b", tricky)
            json.member("c", number: 97.5)
            json.member("d", number: -0.25)
            json.member("e", int: 12)
            json.member("f", bool: true)
            json.member("g", strings: [])
            json.member("h", nil)
            json.endObject()
            json.element()
            json.beginObject()
            json.endObject()
            json.endArray()
        }
        let parsed = try JSONSerialization.jsonObject(with: Data(document)) as? [[String: Any]]
        let first = try #require(parsed?.first)
        #expect(first["b"] as? String == tricky)
        #expect(first["a"] as? Double == 96 && first["c"] as? Double == 97.5 && first["d"] as? Double == -0.25)
        #expect(first["e"] as? Int == 12 && first["f"] as? Bool == true && (first["g"] as? [Any])?.isEmpty == true)
        #expect(first["h"] == nil, "a nil member is left out")
        #expect(parsed?.count == 2)
    }

    @Test func theLayoutIsFoundations() throws {
        struct Sample: Encodable { let alpha: [String]; let mid: Double; let none: [Int]; let zeta: Int }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = try encoder.encode(Sample(alpha: ["x"], mid: 96, none: [], zeta: 1)) + Data("\n".utf8)
        let written = JSONWriter.document { json in
            json.beginObject()
            json.member("alpha", strings: ["x"])
            json.member("mid", number: 96)
            json.member("none", strings: [])
            json.member("zeta", int: 1)
            json.endObject()
        }
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    /// Escapes are found wherever they fall, also where eight bytes are checked at once.
    @Test func escapesAtEveryOffset() throws {
        for special in ["\"", "\\", "\n", "\u{1F}", "\t"] {
            for offset in 0..<20 {
                let text = String(repeating: "指", count: offset / 3) + String(repeating: "a", count: offset % 3) + special + "标尾"
                let document = JSONWriter.document { json in
                    json.beginArray()
                    json.element()
                    json.string(text)
                    json.endArray()
                }
                let parsed = try JSONSerialization.jsonObject(with: Data(document)) as? [String]
                #expect(parsed == [text], "\(text.debugDescription)")
            }
        }
    }
}
