import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK
/// and GB2312) through iconv. The encoding is detected, never asked. Binary input is refused.
enum TextDecoding {
    struct Decoded {
        var text: String
        var encoding: String
    }

    static func decode(_ data: Data, path: String) throws -> Decoded {
        guard !data.isEmpty else { throw Diagnostic(path: path, message: "empty file: nothing to import") }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]),
           let text = String(data: data, encoding: .utf16) {
            return try checked(Decoded(text: text, encoding: "UTF-16"), path: path)
        }
        let nulCount = bytes.lazy.filter { $0 == 0 }.count
        if nulCount > 0 {
            throw Diagnostic(path: path, message: "binary data, not a text or HTML page (\(nulCount) NUL bytes)")
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let text = String(validating: body, as: UTF8.self) {
            return try checked(Decoded(text: text, encoding: "UTF-8"), path: path)
        }
        if let text = iconvDecode(Array(body), from: "GB18030") {
            return try checked(Decoded(text: text, encoding: "GB18030"), path: path)
        }
        throw Diagnostic(path: path, message: "the bytes are neither UTF-8 nor GB18030/GBK text")
    }

    /// Refuses text that is mostly control characters or carries no Chinese at all.
    private static func checked(_ decoded: Decoded, path: String) throws -> Decoded {
        var controls = 0, total = 0
        for s in decoded.text.unicodeScalars {
            total += 1
            if s.value < 0x20, s != "\n", s != "\r", s != "\t" { controls += 1 }
            if (0xE000...0xF8FF).contains(s.value) || s.value == 0xFFFD { controls += 1 }
        }
        if total > 0, controls * 50 > total {
            throw Diagnostic(path: path, message: "binary data, not a text or HTML page (\(controls) control or private-use characters)")
        }
        if decoded.text.hanCount < 10 {
            throw Diagnostic(path: path, message: "no Chinese text found: not a government notice page")
        }
        return decoded
    }

    /// Converts with iconv; nil when the input is not valid in `encoding`.
    static func iconvDecode(_ input: [UInt8], from encoding: String) -> String? {
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var inBytes = input.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 4 + 16)
        let produced: Int? = inBytes.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPtr: UnsafeMutablePointer<CChar>? = inBuffer.baseAddress
                var inLeft = inBuffer.count
                var outPtr: UnsafeMutablePointer<CChar>? = outBuffer.baseAddress
                var outLeft = outBuffer.count
                let result = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if result == -1 || inLeft != 0 { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let count = produced else { return nil }
        return String(decoding: output[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
