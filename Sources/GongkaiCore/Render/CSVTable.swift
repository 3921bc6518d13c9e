/// A CSV file as Excel opens it: UTF-8 with a byte order mark, CRLF line ends, fields quoted
/// by RFC 4180 (only when they hold a comma, a quote or a line break).
///
/// Reading uses CSV.swift. Writing does not: its writer searches every field five times with
/// Foundation's locale-aware `contains` and writes scalar by scalar, which took 14 % of a
/// 1,000-record build for the indicator downloads; this writer does the same in one UTF-8 pass.
enum CSVTable {
    /// Starts a file: the byte order mark, then the header row.
    static func start(_ header: [String], in bytes: inout [UInt8]) {
        bytes.append(contentsOf: [0xEF, 0xBB, 0xBF])
        appendRow(header, to: &bytes)
    }

    static func appendRow(_ fields: [String], to bytes: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            var field = field
            field.withUTF8 { utf8 in
                guard utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) else {
                    bytes.append(contentsOf: utf8)
                    return
                }
                bytes.append(UInt8(ascii: "\""))
                for byte in utf8 {
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    bytes.append(byte)
                }
                bytes.append(UInt8(ascii: "\""))
            }
        }
        bytes.append(contentsOf: "\r\n".utf8)
    }
}
