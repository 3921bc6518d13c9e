/// Writes the downloads' JSON straight into bytes, member by member, in the layout of
/// Foundation's pretty-printed `JSONEncoder` with sorted keys (`"key" : value`, two-space indent).
///
/// Not `JSONEncoder`: through `Codable` it spent 17 µs on each indicator target at 10,000
/// records. `JSONSerialization` was slower still, and so was building a tree of values first
/// and writing it out (3 % of a build for the trees alone). Callers give the members of each
/// object in key order; debug builds check it.
struct JSONWriter {
    private(set) var bytes: [UInt8] = []
    private var depth: Int
    /// For each open object or array, innermost in the lowest bit: whether it has a member yet.
    /// Bits rather than an array of flags, as this is asked before every member; the downloads
    /// nest four levels, far from the 64 this holds.
    private var started: UInt64 = 0
    #if DEBUG
    private var lastKeys: [String] = []
    #endif

    private init(depth: Int) { self.depth = depth }

    /// Lends `bytes` to a writer for `body`, for a value that starts `depth` levels in.
    static func write(into bytes: inout [UInt8], depth: Int = 0, _ body: (inout JSONWriter) throws -> Void) rethrows {
        var writer = JSONWriter(depth: depth)
        swap(&writer.bytes, &bytes)
        defer { swap(&writer.bytes, &bytes) }
        try body(&writer)
    }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts a member of the open object; its value is written next. Keys are literals that
    /// need no escaping.
    mutating func key(_ key: StaticString) {
        #if DEBUG
        assert(started & 1 == 0 || lastKeys[lastKeys.count - 1] < key.description, "JSON keys out of order at '\(key)'")
        lastKeys[lastKeys.count - 1] = key.description
        #endif
        nextItem()
        bytes.append(UInt8(ascii: "\""))
        bytes.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        append("\" : ")
    }

    /// Starts an element of the open array; its value is written next.
    mutating func element() { nextItem() }

    /// An element of the open array written before by `write(into:depth:)` one level less deep:
    /// each of its lines after the first is indented one level more, but for the empty line
    /// of an empty array.
    mutating func element(preformatted element: [UInt8]) {
        nextItem()
        var lineStart = 0
        for index in element.indices where element[index] == UInt8(ascii: "\n") {
            bytes += element[lineStart...index]
            if index + 1 < element.count, element[index + 1] != UInt8(ascii: "\n") { append("  ") }
            lineStart = index + 1
        }
        bytes += element[lineStart...]
    }

    mutating func string(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var clean = 0
            var offset = 0
            while offset < utf8.count {
                // Eight bytes at a time while none needs escaping, which is nearly always.
                if offset + 8 <= utf8.count,
                   !Self.mayNeedEscaping(UnsafeRawPointer(utf8.baseAddress! + offset).loadUnaligned(as: UInt64.self)) {
                    offset += 8
                    continue
                }
                let byte = utf8[offset]
                offset += 1
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean..<offset - 1]))
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): bytes.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): bytes.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): bytes.append(contentsOf: #"\t"#.utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: #"\u00"#.utf8)
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                }
                clean = offset
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[clean...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Whether any of the eight bytes in `word` is a control character, a quote or a
    /// backslash: the zero-byte test, run on the word and on it XORed with each character.
    private static func mayNeedEscaping(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        return (control | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)) & highs != 0
    }

    /// Whole numbers without a fraction, as `JSONEncoder` writes them; others as Swift prints them.
    mutating func number(_ value: Double) {
        bytes.append(contentsOf: (Int64(exactly: value).map(String.init) ?? String(describing: value)).utf8)
    }

    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }
    mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

    // Members, left out when absent, as `encodeIfPresent` leaves them out.

    mutating func member(_ name: StaticString, _ value: String?) {
        guard let value else { return }
        key(name)
        string(value)
    }

    mutating func member(_ name: StaticString, number value: Double?) {
        guard let value else { return }
        key(name)
        number(value)
    }

    mutating func member(_ name: StaticString, int value: Int?) {
        guard let value else { return }
        key(name)
        int(value)
    }

    mutating func member(_ name: StaticString, bool value: Bool) {
        key(name)
        bool(value)
    }

    mutating func member(_ name: StaticString, strings values: [String]) {
        key(name)
        beginArray()
        for value in values {
            element()
            string(value)
        }
        endArray()
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        bytes.append(UInt8(ascii: "\n"))
        depth += 1
        started <<= 1
        #if DEBUG
        lastKeys.append("")
        #endif
    }

    private mutating func close(_ bracket: UInt8) {
        depth -= 1
        started >>= 1
        #if DEBUG
        lastKeys.removeLast()
        #endif
        bytes.append(UInt8(ascii: "\n"))
        indent()
        bytes.append(bracket)
    }

    private mutating func nextItem() {
        if started & 1 != 0 { append(",\n") }
        started |= 1
        indent()
    }

    private mutating func append(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    private mutating func indent() {
        var count = depth * 2
        while count > 0 {
            let run = min(count, Self.spaces.utf8CodeUnitCount)
            bytes.append(contentsOf: UnsafeBufferPointer(start: Self.spaces.utf8Start, count: run))
            count -= run
        }
    }

    private static let spaces: StaticString = "                                "
}

extension JSONWriter {
    /// A document that is an array, each element written when its turn comes and handed on in
    /// blocks: the whole archive's tables are 400,000 objects at 100,000 records.
    static func writeArrayDocument<Items: Sequence>(_ items: Items, to blocks: inout OutputBlocks,
                                                    _ element: (inout JSONWriter, Items.Element) -> Void) throws {
        blocks.bytes.append(contentsOf: "[\n".utf8)
        for (index, item) in items.enumerated() {
            if index > 0 { blocks.bytes.append(contentsOf: ",\n".utf8) }
            blocks.bytes.append(contentsOf: "  ".utf8)
            write(into: &blocks.bytes, depth: 1) { element(&$0, item) }
            try blocks.flushIfFull()
        }
        blocks.bytes.append(contentsOf: "\n]\n".utf8)
    }

    /// A whole document, with a final line break.
    static func document(_ body: (inout JSONWriter) -> Void) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        write(into: &bytes, body)
        bytes.append(UInt8(ascii: "\n"))
        return bytes
    }
}
