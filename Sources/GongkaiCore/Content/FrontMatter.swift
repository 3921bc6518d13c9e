import Foundation

/// A record file split into its YAML front matter and its Markdown body.
///
/// The front matter opens with a line that is exactly `---` (first line of the file) and closes
/// at the next line that is exactly `---` (or `...`). Splitting on lines, not on the string
/// `---`, keeps a thematic break or a `---` inside a YAML string from cutting the file.
/// A UTF-8 byte order mark and CRLF line ends are normalised first.
public struct FrontMatter: Sendable {
    /// The YAML text between the fences.
    public var yaml: String
    /// 1-based line of the file where the YAML starts (after the opening fence).
    public var yamlFirstLine: Int
    /// 1-based line of the file where the body starts.
    public var bodyFirstLine: Int
    private let text: String
    private let bodyStart: String.Index

    /// The Markdown after the closing fence, copied out only when asked for: decoding a record
    /// needs just the YAML.
    public var body: String { String(text[bodyStart...]) }

    public static func split(_ text: String, path: String) throws -> FrontMatter {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // memchr, not `String.contains`: Foundation's substring search folds character
        // clusters and cost a fifth of a whole build.
        if text.utf8.withContiguousStorageIfAvailable({ $0.isEmpty ? false : memchr($0.baseAddress!, 13, $0.count) != nil }) ?? true {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        guard let fences = fences(in: text.utf8) else {
            guard firstLineIsFence(text.utf8) else {
                throw Diagnostic(path: path, message: "missing front matter: a record starts with a line '---'")
            }
            throw Diagnostic(path: path, line: 1, message: "front matter is not closed: no line '---' after the opening one")
        }
        return FrontMatter(yaml: String(text[fences.yaml]), yamlFirstLine: 2, bodyFirstLine: fences.bodyLine,
                           text: text, bodyStart: fences.body)
    }

    /// Where the YAML is and the body starts in a record file's bytes, for reading a file
    /// without making all of it a `String`. Nil when the file needs `split` (a byte order
    /// mark, CR line ends, or no front matter). The YAML starts on line 2.
    public static func ranges(in bytes: UnsafeBufferPointer<UInt8>) -> (yaml: Range<Int>, body: Int)? {
        guard bytes.first != 0xEF, memchr(bytes.baseAddress!, 13, bytes.count) == nil,
              let fences = fences(in: bytes) else { return nil }
        return (fences.yaml, fences.body)
    }

    /// The YAML's range, where the body starts and the body's first line; nil when the text
    /// does not open with a fence line or never closes it.
    private static func fences<Bytes: BidirectionalCollection<UInt8>>(in utf8: Bytes)
        -> (yaml: Range<Bytes.Index>, body: Bytes.Index, bodyLine: Int)? {
        guard firstLineIsFence(utf8), let firstEnd = utf8.firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let yamlStart = utf8.index(after: firstEnd)
        var lineStart = yamlStart
        var line = 2
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            if isFence(utf8[lineStart..<lineEnd]) {
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return (yamlStart..<lineStart, bodyStart, line + 1)
            }
            line += 1
            lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
        }
        return nil
    }

    /// The opening fence must be the whole first line: `---`, then only spaces or tabs.
    private static func firstLineIsFence<Bytes: Collection<UInt8>>(_ utf8: Bytes) -> Bool {
        guard utf8.starts(with: "---".utf8) else { return false }
        let rest = utf8.dropFirst(3).prefix { $0 != UInt8(ascii: "\n") }
        return rest.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } && rest.count < utf8.count - 3
    }

    /// A line that is `---` or `...`, then only spaces or tabs.
    private static func isFence<Line: Collection<UInt8>>(_ line: Line) -> Bool {
        (line.starts(with: "---".utf8) || line.starts(with: "...".utf8))
            && line.dropFirst(3).allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }
}
