extension Collection {
    /// The elements in the order of their `string`'s UTF-8 bytes, which is `<`'s order for
    /// the output paths sorted here (ASCII, or NFC in any case).
    ///
    /// Each string's first 24 bytes are taken out once as three big-endian words and compared
    /// first: comparing the strings themselves reads two heap objects scattered across a large
    /// heap, and sorting a 100,000-record site's 134,000 paths that way spent most of its time
    /// waiting for memory. Paths differ within their first 24 bytes (`records/2013-004-007831`),
    /// so the strings are rarely read again.
    func sorted(byUTF8 string: (Element) -> String) -> [Element] {
        var keyed = map { (key: UTF8SortKey(string($0)), element: $0) }
        keyed.sort { lhs, rhs in
            lhs.key != rhs.key ? lhs.key < rhs.key : string(lhs.element).utf8.lexicographicallyPrecedes(string(rhs.element).utf8)
        }
        return keyed.map(\.element)
    }
}

extension Collection<String> {
    /// The strings in the order of their UTF-8 bytes (see `sorted(byUTF8:)`).
    func sortedByUTF8() -> [String] { sorted(byUTF8: { $0 }) }
}

/// A string's first 24 UTF-8 bytes as three big-endian words, zero-padded: comparing two keys
/// orders the strings as their bytes do, up to the 24th.
struct UTF8SortKey: Comparable {
    private var words: (UInt64, UInt64, UInt64) = (0, 0, 0)

    init(_ string: String) {
        var bytes = string.utf8.prefix(24).makeIterator()
        func word() -> UInt64 {
            var word: UInt64 = 0
            for _ in 0..<8 { word = word << 8 | UInt64(bytes.next() ?? 0) }
            return word
        }
        words = (word(), word(), word())
    }

    static func == (lhs: UTF8SortKey, rhs: UTF8SortKey) -> Bool { lhs.words == rhs.words }
    static func < (lhs: UTF8SortKey, rhs: UTF8SortKey) -> Bool { lhs.words < rhs.words }
}
