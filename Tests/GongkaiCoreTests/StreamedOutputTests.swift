import Foundation
import Testing
@testable import GongkaiCore

/// Downloads are written in blocks as they are made. A file of several blocks must land whole,
/// hashed as if written in one piece, and a rebuild that makes the same bytes must keep the
/// file it has.
@Suite struct StreamedOutputTests {
    /// Three and a half blocks of rows, made in uneven pieces.
    private func writeRows(_ blocks: inout OutputBlocks) throws {
        for row in 0..<40_000 {
            blocks.bytes.append(contentsOf: "第\(row)行,\(String(repeating: "数据", count: row % 37))\r\n".utf8)
            try blocks.flushIfFull()
        }
    }

    @Test func aFileOfManyBlocksLandsWholeAndIsKeptWhenUnchanged() throws {
        let expected = try OutputBlocks.collect(writeRows)
        #expect(expected.count > 3 * OutputBlocks.blockSize)
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }

        let staging = CachingPublisher(target: .stagingFolder(folder), previous: BuildCache())
        try staging.publish(at: "downloads/rows.csv", blocks: writeRows)
        let file = folder.appendingPathComponent("downloads/rows.csv")
        #expect(try Data(contentsOf: file) == Data(expected))
        let entry = try #require(staging.published["downloads/rows.csv"])
        #expect(entry.outputHash == ContentHash.hex(of: expected))

        let rebuild = CachingPublisher(target: .folder(folder), previous: BuildCache(entries: staging.published))
        try rebuild.publish(at: "downloads/rows.csv", blocks: writeRows)
        #expect(rebuild.written == 0, "the same bytes are not written again")
        #expect(try FileManager.default.contentsOfDirectory(atPath: file.deletingLastPathComponent().path) == ["rows.csv"],
                "no temporary file is left behind")

        let changed = CachingPublisher(target: .folder(folder), previous: BuildCache(entries: staging.published))
        try changed.publish(at: "downloads/rows.csv") { blocks in
            try writeRows(&blocks)
            blocks.bytes.append(contentsOf: "末行\r\n".utf8)
        }
        #expect(changed.written == 1)
        #expect(try Data(contentsOf: file) == Data(expected + Array("末行\r\n".utf8)))
    }

    @Test func aFailingWriterLeavesThePreviousFile() throws {
        struct Broken: Error {}
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("rows.csv")
        try Data("旧".utf8).write(to: file)
        let publisher = CachingPublisher(target: .folder(folder), previous: BuildCache())
        #expect(throws: Broken.self) {
            try publisher.publish(at: "rows.csv") { blocks in
                try writeRows(&blocks)
                throw Broken()
            }
        }
        #expect(try Data(contentsOf: file) == Data("旧".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["rows.csv"])
    }
}
