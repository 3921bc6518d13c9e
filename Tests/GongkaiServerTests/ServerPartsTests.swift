import Foundation
import GongkaiCore
import Testing
@testable import GongkaiServer

@Suite struct ServerPartsTests {
    @Test func requestPathsStayInsideTheSite() {
        #expect(RequestPath.resolve("/") == "index.html")
        #expect(RequestPath.resolve("/records/") == "records/index.html")
        #expect(RequestPath.resolve("/records/a.html") == "records/a.html")
        #expect(RequestPath.resolve("/topics/%E8%B4%A8.html") == "topics/质.html")
        for bad in ["/../x", "/a/../../x", "/%2e%2e/x", "/a/%2E%2E/x", "/a%2f..%2f..%2fx", "/./x", "/.hidden", "//x",
                    "/a\\b", "/%00", "/%zz", "/%e8", "records"] {
            #expect(RequestPath.resolve(bad) == nil, "\(bad)")
        }
    }

    @Test func contentTypesCarryTheCharset() {
        #expect(ContentTypes.of("a/b.html") == "text/html; charset=utf-8")
        #expect(ContentTypes.of("data.csv") == "text/csv; charset=utf-8")
        #expect(ContentTypes.of("x.PNG") == "image/png")
        #expect(ContentTypes.of("folder.d/file") == "application/octet-stream")
    }

    @Test func theScriptGoesBeforeTheBodyEnds() {
        let html = Array("<html><body><p>x</p></body></html>".utf8)
        #expect(String(decoding: PreviewHTML.inject("<i>", into: html), as: UTF8.self) == "<html><body><p>x</p><i></body></html>")
        #expect(String(decoding: PreviewHTML.inject("<i>", into: Array("plain".utf8)), as: UTF8.self) == "plain<i>")
    }

    @Test func aThousandEventsMakeOneBatch() async throws {
        let batches = LockedLines()
        // A long quiet period: the test process also runs CPU-heavy tests that can pause this loop.
        let batcher = ChangeBatcher(quiet: .seconds(1)) { batch in batches.append(String(batch.count)) }
        for number in 0..<1000 { await batcher.add(["Content/records/r\(number).md"]) }
        #expect(await eventually(timeout: .seconds(30)) { !batches.all.isEmpty })
        try await Task.sleep(for: .milliseconds(1200))
        #expect(batches.all == ["1000"])
    }

    @Test func theWatcherSeesRenamesNewFoldersAndDeletes() async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-watch-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let project = Project(root: root)
        try FileManager.default.createDirectory(at: project.records, withIntermediateDirectories: true)
        let seen = LockedLines()
        let watcher = try FileWatcher(project: project) { for path in $0 { seen.append(path) } }
        watcher.start()
        defer { watcher.stop() }

        let temporary = project.records.appendingPathComponent(".a.md.tmp")
        try Data("x".utf8).write(to: temporary)
        try FileManager.default.moveItem(at: temporary, to: project.records.appendingPathComponent("a.md"))
        #expect(await eventually(timeout: .seconds(30)) { seen.all.contains("Content/records/a.md") })
        #expect(!seen.all.contains { $0.hasSuffix(".tmp") })

        let data = project.content.appendingPathComponent("data/2024")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data("a,b\n".utf8).write(to: data.appendingPathComponent("values.csv"))
        #expect(await eventually(timeout: .seconds(30)) { seen.all.contains("Content/data/2024/values.csv") })

        try await Task.sleep(for: .milliseconds(50))
        let deletes = seen.all.filter { $0 == "Content/records/a.md" }.count
        try FileManager.default.removeItem(at: project.records.appendingPathComponent("a.md"))
        #expect(await eventually(timeout: .seconds(30)) { seen.all.filter { $0 == "Content/records/a.md" }.count > deletes })

        try FileManager.default.createDirectory(at: project.templates, withIntermediateDirectories: true)
        try Data("{{title}}".utf8).write(to: project.templates.appendingPathComponent("home.mustache"))
        #expect(await eventually(timeout: .seconds(30)) { seen.all.contains("Templates/home.mustache") })
    }
}
