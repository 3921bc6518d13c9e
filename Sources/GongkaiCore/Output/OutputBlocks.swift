/// The bytes of one output file, handed on in blocks of about a megabyte as they are made, so
/// that the whole archive's downloads (hundreds of MB at 100,000 records) are never held whole.
public struct OutputBlocks {
    static let blockSize = 1 << 20

    /// What has been made and not yet handed on. Writers append here, then call `flushIfFull`.
    var bytes: [UInt8] = []
    private let deliver: ([UInt8]) throws -> Void

    init(deliver: @escaping ([UInt8]) throws -> Void) {
        self.deliver = deliver
        bytes.reserveCapacity(Self.blockSize + 64 * 1024)
    }

    mutating func flushIfFull() throws {
        if bytes.count >= Self.blockSize { try flush() }
    }

    /// Hands on what is left; called once, after the last byte.
    mutating func flush() throws {
        guard !bytes.isEmpty else { return }
        try deliver(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// The whole file in one array, for publishers that keep files in memory anyway.
    static func collect(_ write: (inout OutputBlocks) throws -> Void) throws -> [UInt8] {
        var whole: [UInt8] = []
        var blocks = OutputBlocks { whole.append(contentsOf: $0) }
        try write(&blocks)
        try blocks.flush()
        return whole
    }
}
