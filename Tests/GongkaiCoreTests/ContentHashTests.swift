import Testing
@testable import GongkaiCore

/// The build cache compares these hashes across runs, so they must be stable and must see
/// every byte.
@Suite struct ContentHashTests {
    @Test func everyBitAndEveryLengthChangesTheHash() {
        let base = (0..<67).map { UInt8(truncatingIfNeeded: $0 &* 37) }
        var seen: Set<String> = [ContentHash.hex(of: base)]
        for index in base.indices {
            for bit in 0..<8 {
                var flipped = base
                flipped[index] ^= 1 << bit
                seen.insert(ContentHash.hex(of: flipped))
            }
        }
        #expect(seen.count == 1 + base.count * 8)
        let zeros = (0...17).map { ContentHash.hex(of: [UInt8](repeating: 0, count: $0)) }
        #expect(Set(zeros).count == zeros.count, "trailing zero bytes count")
    }

    @Test func blocksHashAsTheWholeDoes() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 131 &+ 7) }
        for cuts in [[0, 1000], [3, 7, 8, 9, 100, 997], [5, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987]] {
            var hash = ContentHash()
            var start = 0
            for cut in cuts + [bytes.count] {
                hash.combine(Array(bytes[start..<max(start, cut)]))
                start = max(start, cut)
            }
            #expect(hash.hex == ContentHash.hex(of: bytes), "cut at \(cuts)")
        }
    }

    @Test func theHashOfTextIsItsUTF8sAndFixed() {
        #expect(ContentHash.hex(of: "射阳县人民政府") == ContentHash.hex(of: Array("射阳县人民政府".utf8)))
        #expect(ContentHash.hex(of: "射阳县人民政府") == "5fd10b6d22be508f", "the same on every run and machine")
        #expect(ContentHash.hex(of: "") != ContentHash.hex(of: " "))
        let long = String(repeating: "射阳县人民政府关于印发质量强县建设实施方案的通知。", count: 9)
        #expect(ContentHash.hex(of: long) == "0b407ebf4b69cc40", "whole 32-byte blocks too")
    }
}
