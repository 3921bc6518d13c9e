import CCmarkGFM
import Foundation

/// Markdown to HTML through libcmark-gfm with the GitHub extensions the record format uses:
/// tables, strikethrough, autolinks, footnotes, and `tagfilter`.
///
/// Safe mode stays on: raw HTML in a record is not passed through. Each call makes its own
/// parser, so documents can be rendered on several threads at once.
public struct MarkdownRenderer: Sendable {
    /// Registers the core extensions once per process, before any parser is made.
    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Serialises `cmark_parser_finish`, where inlines are parsed. libcmark-gfm 0.29 keeps the
    /// extensions' special inline characters (`:` and `w` for autolinks, `~`) in one global
    /// table that every finishing parser sets and then clears, so two documents finishing at
    /// once lose autolinks at random (9 of 144 in the 1,000-record corpus). Block parsing and
    /// HTML rendering stay parallel.
    private static let inlineLock = NSLock()

    private static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter"]
    private static let options = CMARK_OPT_DEFAULT | CMARK_OPT_FOOTNOTES | CMARK_OPT_STRIKETHROUGH_DOUBLE_TILDE

    public init() { _ = Self.registered }

    public func html(_ markdown: String) -> String {
        guard let parser = cmark_parser_new(Self.options) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var utf8 = markdown
        utf8.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, buffer.count) }
        }
        guard let document = Self.inlineLock.withLock({ cmark_parser_finish(parser) }) else { return "" }
        defer { cmark_node_free(document) }
        guard let rendered = cmark_render_html(document, Self.options, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}

