/// One page of a paginated list.
public struct Paginator: Sendable, Hashable {
    /// 1-based page number.
    public var number: Int
    public var count: Int
    /// The slice of the list on this page.
    public var range: Range<Int>

    /// This page's part of `list`, the whole list (a range of record indices works as well as
    /// an array of them, without making one for every page).
    public func slice<List: RandomAccessCollection>(of list: List) -> List.SubSequence {
        let start = list.index(list.startIndex, offsetBy: range.lowerBound)
        return list[start..<list.index(start, offsetBy: range.count)]
    }

    /// Splits `total` items into pages of `size`; an empty list still has one (empty) page.
    public static func pages(total: Int, size: Int) -> [Paginator] {
        let count = max(1, (total + size - 1) / size)
        return (1...count).map { number in
            Paginator(number: number, count: count, range: ((number - 1) * size)..<min(total, number * size))
        }
    }
}
