/// FNV-1a, 64 bits: a hash that is the same on every run and machine (Swift's `Hasher`
/// is seeded per process), used for content fingerprints and stable ASCII slugs.
public struct StableHash: Sendable {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    public init() {}

    public mutating func combine(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            value ^= UInt64(byte)
            value &*= 0x0000_0100_0000_01b3
        }
    }

    public mutating func combine(_ string: String) {
        // A native string's bytes are contiguous: hashing the buffer is several times faster
        // than the generic byte sequence (it was 3% of a build, fingerprinting every record).
        if string.utf8.withContiguousStorageIfAvailable({ combine($0) }) == nil { combine(string.utf8) }
        combine(CollectionOfOne(0))
    }

    public var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    public static func hex(of string: String) -> String {
        var hash = StableHash()
        hash.combine(string)
        return hash.hex
    }
}
