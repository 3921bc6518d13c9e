import CCmarkGFM
import Foundation

/// Markdown to HTML through libcmark-gfm with the GitHub extensions the record format uses:
/// tables, strikethrough, autolinks, footnotes, and `tagfilter`.
///
/// Safe mode stays on: raw HTML in a record is not passed through. Each call makes its own
/// parser, and parsers run on all threads at once.
public struct MarkdownRenderer: Sendable {
    private static let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE

    /// libcmark-gfm 0.29 keeps the inline parser's special characters in one table for the
    /// process. At the start of each document's inline pass it marks there the characters of the
    /// parser's extensions (`~` for strikethrough, `:` and `w` for autolinks), and at the end it
    /// clears them, so two parses at once made each other miss strikethrough and autolinks.
    /// Parses used to take turns under a lock, held 60 % of the render stage at 10,000 records.
    /// (Later cmark-gfm versions keep the table per parser.)
    ///
    /// Now the autolink characters are marked once for the process, and parsers use a copy of
    /// the autolink extension that lists no characters, so that no parse clears them; its
    /// functions are the originals, which check which character they were called for.
    /// Strikethrough cannot do the same (its closing `~~` is found through its list), so a
    /// document with a `~` in it has its inlines parsed with the original under
    /// `strikethroughLock`, and any other is parsed without strikethrough at all, which renders
    /// it the same and needs no lock.
    private struct Extensions: @unchecked Sendable {
        let table, strikethrough, autolink, tagfilter: UnsafeMutablePointer<cmark_syntax_extension>
    }

    private static let strikethroughLock = NSLock()

    /// Made once, never changed: shared by all threads.
    private static let extensions: Extensions? = {
        cmark_gfm_core_extensions_ensure_registered()
        guard let table = cmark_find_syntax_extension("table"), let strikethrough = cmark_find_syntax_extension("strikethrough"),
              let autolink = cmark_find_syntax_extension("autolink"), let tagfilter = cmark_find_syntax_extension("tagfilter"),
              let marking = cmark_parser_new(options) else { return nil }
        cmark_parser_attach_syntax_extension(marking, autolink)
        cmark_manage_extensions_special_characters(marking, 1)
        cmark_parser_free(marking)
        let copy = UnsafeMutablePointer<cmark_syntax_extension>.allocate(capacity: 1)
        copy.initialize(to: autolink.pointee)
        copy.pointee.special_inline_chars = nil
        return Extensions(table: table, strikethrough: strikethrough, autolink: copy, tagfilter: tagfilter)
    }()

    public init() { _ = Self.extensions }

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
        guard let extensions = Self.extensions, let parser = cmark_parser_new(Self.options) else { return [] }
        defer { cmark_parser_free(parser) }
        let strikes = !utf8.isEmpty && memchr(utf8.baseAddress!, Int32(UInt8(ascii: "~")), utf8.count) != nil
        for ext in strikes ? [extensions.table, extensions.strikethrough, extensions.autolink, extensions.tagfilter]
            : [extensions.table, extensions.autolink, extensions.tagfilter] {
            cmark_parser_attach_syntax_extension(parser, ext)
        }
        utf8.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, utf8.count) }
        // Only the inline pass, inside `finish`, reads the table of special characters: the
        // blocks are fed outside the lock.
        guard let document = strikes ? Self.strikethroughLock.withLock({ cmark_parser_finish(parser) }) : cmark_parser_finish(parser)
        else { return [] }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, Self.options, cmark_parser_get_syntax_extensions(parser)) else { return [] }
        defer { free(rendered) }
        return rendered.withMemoryRebound(to: UInt8.self, capacity: 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(rendered))) }
    }
}
