/// A 64-bit hash of whole files (records read, pages written), the same on every run and
/// machine, for fingerprints and the build cache's output hashes.
///
/// `StableHash` (FNV-1a) takes a byte at a time: fine for names, but at 10,000 records it spent
/// 0.7 CPU-seconds on the 600 MB a build reads and writes. This one takes eight bytes at a time
/// and mixes each word with a full 64×64→128-bit multiply (the "mum" step of wyhash), about
/// six times faster. It can be fed in blocks, for files written as they are made. Slugs keep
/// `StableHash`, so that URLs never change with this.
struct ContentHash {
    private static let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    private var state: UInt64 = 0x243F_6A88_85A3_08D3
    private var count = 0
    /// Bytes of an unfinished word, little-endian.
    private var pending: UInt64 = 0

    mutating func combine(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        // Finish the word a previous block left open, a byte at a time.
        while count % 8 != 0, offset < bytes.count {
            pending |= UInt64(bytes[offset]) << (8 * UInt64(count % 8))
            count += 1
            offset += 1
            if count % 8 == 0 { state = Self.mix(state ^ pending); pending = 0 }
        }
        while offset + 8 <= bytes.count {
            state = Self.mix(state ^ UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
            count += 8
        }
        while offset < bytes.count {
            pending |= UInt64(bytes[offset]) << (8 * UInt64(count % 8))
            count += 1
            offset += 1
        }
    }

    mutating func combine(_ bytes: [UInt8]) { bytes.withUnsafeBytes { combine($0) } }

    var hex: String {
        let value = Self.mix(Self.mix(state ^ pending ^ 0xFF) ^ UInt64(count))
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    static func hex(of bytes: UnsafeRawBufferPointer) -> String {
        var hash = ContentHash()
        hash.combine(bytes)
        return hash.hex
    }

    static func hex(of bytes: [UInt8]) -> String { bytes.withUnsafeBytes(hex(of:)) }

    static func hex(of text: String) -> String {
        var text = text
        return text.withUTF8 { hex(of: UnsafeRawBufferPointer($0)) }
    }

    private static func mix(_ value: UInt64) -> UInt64 {
        let product = value.multipliedFullWidth(by: multiplier)
        return product.high ^ product.low
    }
}
