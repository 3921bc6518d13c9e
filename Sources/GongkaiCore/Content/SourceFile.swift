import Foundation

/// One input file as read from disk.
public struct SourceFile: Sendable, Hashable {
    /// Path relative to the project root.
    public var path: String
    public var text: String

    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// Reads a file as UTF-8; anything else is an error that names the file.
    public static func read(_ url: URL, as path: String) throws -> SourceFile {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw Diagnostic(path: path, message: "cannot read file: \(error.localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw Diagnostic(path: path, message: "file is not UTF-8 text (convert it, or use 'gongkai import' for GBK pages)")
        }
        return SourceFile(path: path, text: text)
    }
}
