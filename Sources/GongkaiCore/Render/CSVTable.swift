/// A CSV file as Excel opens it: UTF-8 with a byte order mark, CRLF line ends, fields quoted
/// by RFC 4180 (only when they hold a comma, a quote or a line break).
///
/// Reading uses CSV.swift. Writing does not: its writer searches every field five times with
/// Foundation's locale-aware `contains` and writes scalar by scalar, which took 14 % of a
/// 1,000-record build for the indicator downloads; this writer does the same in one UTF-8 pass.
struct CSVTable {
    /// The file so far, as UTF-8.
    private(set) var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    init(header: [String]) { append(header) }

    mutating func append(_ fields: [String]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            let utf8 = field.utf8
            if utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 10 || $0 == 13 }) {
                bytes.append(UInt8(ascii: "\""))
                for byte in utf8 {
                    if byte == UInt8(ascii: "\"") { bytes.append(byte) }
                    bytes.append(byte)
                }
                bytes.append(UInt8(ascii: "\""))
            } else {
                bytes.append(contentsOf: utf8)
            }
        }
        bytes.append(contentsOf: "\r\n".utf8)
    }
}
