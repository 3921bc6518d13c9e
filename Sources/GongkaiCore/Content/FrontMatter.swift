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
    /// The Markdown after the closing fence.
    public var body: String
    /// 1-based line of the file where the YAML starts (after the opening fence).
    public var yamlFirstLine: Int
    /// 1-based line of the file where the body starts.
    public var bodyFirstLine: Int

    public static func split(_ text: String, path: String) throws -> FrontMatter {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        // memchr, not `String.contains`: Foundation's substring search folds character
        // clusters and cost a fifth of a whole build.
        if text.utf8.withContiguousStorageIfAvailable({ $0.isEmpty ? false : memchr($0.baseAddress!, 13, $0.count) != nil }) ?? true {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        let utf8 = text.utf8
        guard utf8.starts(with: "---".utf8) else {
            throw Diagnostic(path: path, message: "missing front matter: a record starts with a line '---'")
        }
        // The opening fence must be the whole first line.
        var cursor = utf8.index(utf8.startIndex, offsetBy: 3)
        while cursor < utf8.endIndex, utf8[cursor] == UInt8(ascii: " ") || utf8[cursor] == UInt8(ascii: "\t") {
            cursor = utf8.index(after: cursor)
        }
        guard cursor < utf8.endIndex, utf8[cursor] == UInt8(ascii: "\n") else {
            throw Diagnostic(path: path, message: "missing front matter: a record starts with a line '---'")
        }
        let yamlStart = utf8.index(after: cursor)
        var lineStart = yamlStart
        var line = 2
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            if isFence(utf8[lineStart..<lineEnd]) {
                let bodyStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
                return FrontMatter(
                    yaml: String(text[yamlStart..<lineStart]),
                    body: String(text[bodyStart...]),
                    yamlFirstLine: 2,
                    bodyFirstLine: line + 1
                )
            }
            line += 1
            lineStart = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
        }
        throw Diagnostic(path: path, line: 1, message: "front matter is not closed: no line '---' after the opening one")
    }

    private static func isFence(_ line: String.UTF8View.SubSequence) -> Bool {
        var trimmed = line[...]
        while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
            trimmed = trimmed.dropLast()
        }
        return trimmed.elementsEqual("---".utf8) || trimmed.elementsEqual("...".utf8)
    }
}
