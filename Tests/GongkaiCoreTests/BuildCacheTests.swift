import Foundation
import Testing
@testable import GongkaiCore

@Suite struct BuildCacheTests {
    @Test func savesAndLoadsEveryEntryInPathOrder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-cache-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var entries: [String: BuildCache.Entry] = [:]
        for (index, path) in ["records/b.html", "records/a.html", "index.html", "records/2013-004-007831.html",
                              "records/2013-004-007830.html", "assets/style.css", "records/射阳.html"].enumerated() {
            entries[path] = BuildCache.Entry(fingerprint: "f\(index)", outputHash: "h\(index)",
                                             size: [0, 7, 1_344, Int.max, 10_330_542, 9, 123][index],
                                             modified: [1_796_220_189_613_632_549, 0, -5, 10, Int.min, 99, 1][index])
        }
        let cache = BuildCache(inputs: "abc", entries: entries)
        var withTab = cache
        withTab.entries["bad\tname.html"] = BuildCache.Entry(fingerprint: "x", outputHash: "y")
        try withTab.save(to: folder)

        #expect(BuildCache.load(from: folder) == cache, "every number and path back as it was; the tab's path left out")
        let text = try String(contentsOf: folder.appendingPathComponent(BuildCache.fileName), encoding: .utf8)
        let paths = text.split(separator: "\n").dropFirst(2).map { String($0.split(separator: "\t")[0]) }
        #expect(paths == entries.keys.sorted())
        #expect(text.contains("records/2013-004-007831.html\tf3\th3\t\(Int.max)\t10\n"))
    }
}
