/// Turns a request's path into a path inside the site, or nil when it must not be served.
///
/// The path is percent-decoded once and split on `/`; any `..` or `.` segment, empty name,
/// hidden name (`.gongkai-cache`), backslash or NUL is refused rather than resolved, so no
/// spelling of a parent folder (`/../`, `%2e%2e`, `%2f`, `..%5c`) can leave the site.
enum RequestPath {
    /// The site-relative file for `rawPath` (without the query): `records/a.html`; a folder
    /// (`/`, `/records/`) gives its `index.html`.
    static func resolve(_ rawPath: String) -> String? {
        guard rawPath.hasPrefix("/"), let decoded = percentDecoded(rawPath) else { return nil }
        var segments = decoded.split(separator: "/", omittingEmptySubsequences: false).dropFirst()
        let isFolder = decoded.hasSuffix("/")
        if isFolder { segments = segments.dropLast() }
        for segment in segments {
            guard !segment.isEmpty, !segment.hasPrefix("."), !segment.contains("\\"), !segment.contains("\0") else { return nil }
        }
        let path = segments.joined(separator: "/")
        if isFolder { return path.isEmpty ? "index.html" : path + "/index.html" }
        return path
    }

    /// `%xx` decoded to bytes, which must then be UTF-8; nil on a malformed escape.
    static func percentDecoded(_ text: String) -> String? {
        var bytes: [UInt8] = []
        var iterator = Array(text.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
