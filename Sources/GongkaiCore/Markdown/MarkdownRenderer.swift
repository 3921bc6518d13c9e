import CCmarkGFM
import Foundation

/// Markdown to HTML through libcmark-gfm with the GitHub extensions the record format uses:
/// tables, strikethrough, autolinks, footnotes, and `tagfilter`.
///
/// Safe mode stays on: raw HTML in a record is not passed through. Each call makes its own
/// parser; parsing is serialised (see `parseLock`) while rendering the tree to HTML runs on
/// all threads at once.
public struct MarkdownRenderer: Sendable {
    /// libcmark-gfm 0.29 keeps the inline parser's special characters (`~` for strikethrough,
    /// `:` and `w` for autolinks) in a process-wide table that every parse adds to and removes
    /// from, during `feed` (table rows) and `finish`. Two parses at once make each other miss
    /// strikethrough and autolinks, so parses take turns; a test renders in parallel to hold
    /// this. Later cmark-gfm versions keep the table per parser.
    private static let parseLock = NSLock()

    /// Registers the core extensions once per process, before any parser is made.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]
    private static let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE

    public init() { _ = Self.registered }

    public func html(_ markdown: String) -> String {
        var markdown = markdown
        return String(decoding: markdown.withUTF8(html(utf8:)), as: UTF8.self)
    }

    /// Markdown given as UTF-8 bytes, as a record's body is read at render time; the HTML as
    /// UTF-8 bytes.
    public func html(_ markdown: ArraySlice<UInt8>) -> [UInt8] {
        markdown.withUnsafeBufferPointer(html(utf8:))
    }

    private func html(utf8: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let parser = cmark_parser_new(Self.options) else { return [] }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        let parsed: OpaquePointer? = Self.parseLock.withLock {
            utf8.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, utf8.count) }
            return cmark_parser_finish(parser)
        }
        guard let document = parsed else { return [] }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, Self.options, cmark_parser_get_syntax_extensions(parser)) else { return [] }
        defer { free(rendered) }
        return rendered.withMemoryRebound(to: UInt8.self, capacity: 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(rendered))) }
    }
}

