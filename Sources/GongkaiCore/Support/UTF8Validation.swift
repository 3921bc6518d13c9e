/// Checks that bytes are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
/// past U+10FFFF) without making a `String` of them.
///
/// A record's body goes to cmark-gfm as bytes, so only its front matter needs to be a `String`;
/// the body is just checked. The standard library's own check, which `String(validating:)`
/// runs, was the largest single cost of parsing. This one takes eight ASCII bytes at a time,
/// runs of three-byte sequences (all of CJK) with one test of a word each, and any other
/// sequence whole.
enum UTF8Validation {
    static func isValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var position = bytes.baseAddress else { return true }
        let end = position + bytes.count
        while position < end {
            // A run of three-byte sequences (1110xxxx 10xxxxxx 10xxxxxx), four at a time, then
            // one at a time; E0 and ED leads, which limit their second byte, are left to the
            // full check.
            while end - position >= 16 {
                let first = UnsafeRawPointer(position).loadUnaligned(as: UInt64.self).littleEndian
                let rest = UInt64(UnsafeRawPointer(position + 8).loadUnaligned(as: UInt32.self).littleEndian)
                guard first & 0xC0F0_C0C0_F0C0_C0F0 == 0x80E0_8080_E080_80E0, rest & 0xC0C0_F0C0 == 0x8080_E080 else { break }
                // The four leads' low nibbles side by side (bytes 0, 2, 3 and 6): none may be 0 or D.
                let nibbles = (first & 0x000F_0000_0F00_000F) | ((rest & 0x0F00) << 8)
                let low: UInt64 = 0x000F_0000_0F0F_000F, carry: UInt64 = 0x0010_0000_1010_0010
                let notD = nibbles ^ 0x000D_0000_0D0D_000D
                guard (nibbles &+ low) & carry == carry, (notD &+ low) & carry == carry else { break }
                position += 12
            }
            while end - position >= 4 {
                let word = UnsafeRawPointer(position).loadUnaligned(as: UInt32.self).littleEndian
                guard word & 0x00C0_C0F0 == 0x0080_80E0, word & 0x0F != 0, word & 0x0F != 0x0D else { break }
                position += 3
            }
            if end - position >= 8,
               UnsafeRawPointer(position).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                position += 8
                continue
            }
            guard position < end else { break }
            let lead = position[0]
            if lead < 0x80 {
                position += 1
                continue
            }
            // The continuation bytes after `lead`, and the range its first one must be in.
            let continuations: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: continuations = 1
            case 0xE0: continuations = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: continuations = 2
            case 0xED: continuations = 2; high = 0x9F
            case 0xF0: continuations = 3; low = 0x90
            case 0xF1...0xF3: continuations = 3
            case 0xF4: continuations = 3; high = 0x8F
            default: return false
            }
            guard end - position > continuations, (low...high).contains(position[1]) else { return false }
            if continuations >= 2, position[2] & 0xC0 != 0x80 { return false }
            if continuations == 3, position[3] & 0xC0 != 0x80 { return false }
            position += continuations + 1
        }
        return true
    }

    static func isValid(_ bytes: ArraySlice<UInt8>) -> Bool { bytes.withUnsafeBufferPointer(isValid) }
}
