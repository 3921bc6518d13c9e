import Foundation
import Testing
@testable import GongkaiCore

/// The downloads' JSON writer: what it writes must read back as what it was given.
@Suite struct JSONValueTests {
    @Test func stringsNumbersAndNestingReadBack() throws {
        let tricky = "引号\"、反斜杠\\、换行\n、制表\t、控制\u{1}、斜杠/、😀"
        let document = JSONValue.array([
            .object([("b", .string(tricky)), ("a", .number(96)), ("c", .number(97.5)), ("d", .number(-0.25)),
                     ("e", .int(12)), ("f", .bool(true)), ("g", .strings([])), ("h", nil)]),
            .object([]),
        ])
        let parsed = try JSONSerialization.jsonObject(with: Data(document.bytes)) as? [[String: Any]]
        let first = try #require(parsed?.first)
        #expect(first["b"] as? String == tricky)
        #expect(first["a"] as? Double == 96 && first["c"] as? Double == 97.5 && first["d"] as? Double == -0.25)
        #expect(first["e"] as? Int == 12 && first["f"] as? Bool == true && (first["g"] as? [Any])?.isEmpty == true)
        #expect(first["h"] == nil, "a nil member is left out")
        #expect(parsed?.count == 2)
    }

    @Test func keysAreSortedAndTheLayoutIsFoundations() {
        let document = JSONValue.object([("zeta", .int(1)), ("alpha", .array([.string("x")])), ("mid", .number(96))])
        #expect(String(decoding: document.bytes, as: UTF8.self) == "{\n  \"alpha\" : [\n    \"x\"\n  ],\n  \"mid\" : 96,\n  \"zeta\" : 1\n}\n")
    }
}
