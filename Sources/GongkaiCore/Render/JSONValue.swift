/// A JSON document for the downloads, written in one pass with sorted keys in the layout of
/// Foundation's pretty-printed `JSONEncoder` output (`"key" : value`, two-space indent).
///
/// Not `JSONEncoder`: through `Codable` it spends 17 µs on each indicator target at 10,000
/// records (1.5 of a build's 7 render thread-seconds, for the 90,000 objects of the downloads);
/// this writer spends about 1 µs. `JSONSerialization` was slower still.
enum JSONValue {
    case string(String)
    case number(Double)
    case int(Int)
    case bool(Bool)
    case array([JSONValue])
    /// Members whose value is nil are left out, as `encodeIfPresent` leaves them out.
    case object([(key: String, value: JSONValue?)])

    static func strings(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }

    /// The document as UTF-8, with a final line break.
    var bytes: [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(4096)
        write(to: &output, indent: 0)
        output.append(UInt8(ascii: "\n"))
        return output
    }

    /// Writes a document that is an array, each element made only when it is written and handed
    /// on in blocks: the whole archive's tables are 400,000 objects at 100,000 records.
    static func writeArrayDocument<Items: Sequence>(_ items: Items, to blocks: inout OutputBlocks,
                                                    _ element: (Items.Element) -> JSONValue) throws {
        blocks.bytes.append(contentsOf: "[\n".utf8)
        for (index, item) in items.enumerated() {
            if index > 0 { blocks.bytes.append(contentsOf: ",\n".utf8) }
            writeIndent(1, to: &blocks.bytes)
            element(item).write(to: &blocks.bytes, indent: 1)
            try blocks.flushIfFull()
        }
        blocks.bytes.append(contentsOf: "\n]\n".utf8)
    }

    private func write(to output: inout [UInt8], indent: Int) {
        switch self {
        case let .string(text): Self.writeString(text, to: &output)
        case let .number(value):
            output.append(contentsOf: (Int64(exactly: value).map(String.init) ?? String(describing: value)).utf8)
        case let .int(value): output.append(contentsOf: String(value).utf8)
        case let .bool(value): output.append(contentsOf: (value ? "true" : "false").utf8)
        case let .array(items):
            Self.writeArray(items, to: &output, indent: indent)
        case let .object(members):
            // Callers list members in key order, which saves sorting each of 90,000 objects.
            let sorted = zip(members, members.dropFirst()).allSatisfy { $0.key < $1.key } ? members
                : members.sorted { $0.key < $1.key }
            output.append(UInt8(ascii: "{"))
            output.append(UInt8(ascii: "\n"))
            var first = true
            for (key, value) in sorted {
                guard let value else { continue }
                if !first { output.append(contentsOf: ",\n".utf8) }
                first = false
                Self.writeIndent(indent + 1, to: &output)
                Self.writeString(key, to: &output)
                output.append(contentsOf: " : ".utf8)
                value.write(to: &output, indent: indent + 1)
            }
            output.append(UInt8(ascii: "\n"))
            Self.writeIndent(indent, to: &output)
            output.append(UInt8(ascii: "}"))
        }
    }

    private static func writeArray(_ items: some Sequence<JSONValue>, to output: inout [UInt8], indent: Int) {
        output.append(UInt8(ascii: "["))
        output.append(UInt8(ascii: "\n"))
        for (index, item) in items.enumerated() {
            if index > 0 { output.append(contentsOf: ",\n".utf8) }
            writeIndent(indent + 1, to: &output)
            item.write(to: &output, indent: indent + 1)
        }
        output.append(UInt8(ascii: "\n"))
        writeIndent(indent, to: &output)
        output.append(UInt8(ascii: "]"))
    }

    private static func writeIndent(_ depth: Int, to output: inout [UInt8]) {
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private static func writeString(_ text: String, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var clean = 0
            for (offset, byte) in bytes.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean..<offset]))
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
                case UInt8(ascii: "\n"): output.append(contentsOf: #"\n"#.utf8)
                case UInt8(ascii: "\r"): output.append(contentsOf: #"\r"#.utf8)
                case UInt8(ascii: "\t"): output.append(contentsOf: #"\t"#.utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    output.append(contentsOf: #"\u00"#.utf8)
                    output.append(hex[Int(byte >> 4)])
                    output.append(hex[Int(byte & 0xF)])
                }
                clean = offset + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[clean...]))
        }
        output.append(UInt8(ascii: "\""))
    }
}
