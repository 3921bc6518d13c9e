import Testing
@testable import GongkaiCore

@Suite struct PaginationWindowTests {
    @Test func shortListsShowEveryPage() {
        #expect(PaginationWindow.numbers(current: 1, count: 1) == [1])
        #expect(PaginationWindow.numbers(current: 3, count: 5) == [1, 2, 3, 4, 5])
    }

    @Test func longListsShowFirstLastAndNeighboursWithGaps() {
        #expect(PaginationWindow.numbers(current: 1, count: 500) == [1, 2, 3, nil, 500])
        #expect(PaginationWindow.numbers(current: 250, count: 500) == [1, nil, 248, 249, 250, 251, 252, nil, 500])
        #expect(PaginationWindow.numbers(current: 4, count: 500) == [1, 2, 3, 4, 5, 6, nil, 500])
        #expect(PaginationWindow.numbers(current: 500, count: 500) == [1, nil, 498, 499, 500])
    }

    /// Every list page links a bounded number of pages, whatever the list's length.
    @Test func linkCountIsBounded() {
        for count in [1, 7, 100, 5000] {
            for current in Set([1, count / 2 + 1, count]) {
                #expect(PaginationWindow.numbers(current: current, count: count).count <= 2 * PaginationWindow.radius + 5)
            }
        }
    }
}
