import Foundation
import Testing
@testable import GongkaiCore

/// The build cache and the list of changed paths are written in this order, so it must be
/// `<`'s on every kind of path, wherever two of them first differ.
@Suite struct UTF8SortTests {
    @Test func ordersAsTheStandardLibraryDoes() {
        var paths = ["records/2013-004-007831.html", "records/2013-004-007830.html", "records/index.html",
                     "records/page-10.html", "records/page-2.html", "records/2013-004-0078", "records/2013-004-00783",
                     "404.html", "", "a", "a\u{0}", "a\u{0}b", "index.html", "issuers/t26de287499-10.html",
                     "issuers/t26de287499.html", "records/射阳县-2023.html", "records/射阳县-2022.html",
                     "records/z.html", String(repeating: "x", count: 24), String(repeating: "x", count: 23),
                     String(repeating: "x", count: 24) + "a", String(repeating: "x", count: 24) + "b"]
        // Random paths that share prefixes of every length around the 24 bytes compared first.
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let length = Int.random(in: 18...30, using: &generator)
            paths.append(String((0..<length).map { _ in "ab/.-1é".randomElement(using: &generator)! }))
        }
        #expect(paths.sortedByUTF8() == paths.sorted())
        #expect(Set(paths).sortedByUTF8() == Set(paths).sorted(), "from any collection")
    }

    @Test func keysOrderByTheFirst24Bytes() {
        #expect(UTF8SortKey("abc") < UTF8SortKey("abd"))
        #expect(UTF8SortKey("ab") < UTF8SortKey("abc"))
        #expect(UTF8SortKey(String(repeating: "y", count: 23) + "a") < UTF8SortKey(String(repeating: "y", count: 23) + "b"))
        #expect(UTF8SortKey(String(repeating: "y", count: 24) + "a") == UTF8SortKey(String(repeating: "y", count: 24) + "b"),
                "past 24 bytes the strings themselves decide")
    }
}
