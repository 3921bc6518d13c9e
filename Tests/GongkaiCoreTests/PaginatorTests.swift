import Testing
@testable import GongkaiCore

@Suite struct PaginatorTests {
    @Test func everyPageSlicesItsPartOfTheList() {
        let terms = [40, 7, 13, 2, 99, 5, 61]  // a term's record indices, in list order
        let pages = Paginator.pages(total: terms.count, size: 3)
        #expect(pages.map { Array($0.slice(of: terms)) } == [[40, 7, 13], [2, 99, 5], [61]])
        #expect(Paginator.pages(total: 7, size: 3).map { Array($0.slice(of: 0..<7)) } == [[0, 1, 2], [3, 4, 5], [6]],
                "the list of all records, as a range")
        #expect(Paginator.pages(total: 0, size: 3).map { Array($0.slice(of: [Int]())) } == [[]], "an empty list has one empty page")
        #expect(Array(pages[1].slice(of: terms[1...])) == [99, 5, 61], "a slice is read from its own start")
    }
}
