/// The page numbers a paginated list links to: the first and the last page, and `radius` pages
/// either side of the current one, with a gap (`nil`) where numbers are left out.
///
/// Linking every page made each list page as long as the list had pages, so lists grew with
/// the square of the archive: 250,000 links at 10,000 records, 25 million at 100,000.
enum PaginationWindow {
    static let radius = 2

    static func numbers(current: Int, count: Int) -> [Int?] {
        let shown = Set([1, count] + Array(max(1, current - radius)...min(count, current + radius)))
        var numbers: [Int?] = []
        for number in shown.sorted() {
            if let last = numbers.last, let previous = last, number > previous + 1 { numbers.append(nil) }
            numbers.append(number)
        }
        return numbers
    }
}
