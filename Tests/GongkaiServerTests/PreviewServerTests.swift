import Foundation
import GongkaiCore
import Testing
@testable import GongkaiServer

/// Drives a real preview server on a free loopback port.
@Suite(.serialized) struct PreviewServerTests {
    @Test func servesPagesWithTypesETagsAndTheReloadScript() async throws {
        let fixture = try await PreviewFixture()
        defer { Task { await fixture.stop() } }
        let home = try fixture.http.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(home.body.contains(PreviewHTML.eventsPath))
        #expect(try fixture.http.get("/records/").body.contains("关于第2项测试工作的通知"))
        #expect(try fixture.http.get("/records").status == 301)

        let css = try fixture.http.get("/assets/style.css")
        #expect(css.headers["content-type"] == "text/css; charset=utf-8")
        #expect(!css.body.contains("EventSource"))
        let etag = try #require(css.headers["etag"])
        #expect(try fixture.http.get("/assets/style.css", headers: ["If-None-Match": etag]).status == 304)

        let missing = try fixture.http.get("/records/no-such-notice.html")
        #expect(missing.status == 404)
        #expect(missing.body.contains("<html"))
        #expect(try fixture.http.get("/", method: "POST").status == 405)
    }

    @Test func anEditedRecordIsRebuiltAndOpenPagesAreToldToReload() async throws {
        let fixture = try await PreviewFixture()
        defer { Task { await fixture.stop() } }
        let events = try EventStreamReader(port: fixture.port, path: PreviewHTML.eventsPath)
        defer { events.close() }
        #expect(await events.wait(for: ": connected"))
        #expect(try fixture.http.get("/records/notice-2.html").body.contains("第2份正文。"))

        try fixture.write("Content/records/notice-2.md", PreviewFixture.record(title: "关于第2项测试工作的通知", date: "2023-02-01", body: "改过的正文。"))
        #expect(try await eventually { try fixture.http.get("/records/notice-2.html").body.contains("改过的正文。") })
        #expect(await events.wait(for: "event: reload"))
        #expect(fixture.log.contains { $0.contains("rebuilt: 1 rendered, 1 written") })
    }

    @Test func aSaveByRenameAndANewRecordAreSeen() async throws {
        let fixture = try await PreviewFixture()
        defer { Task { await fixture.stop() } }
        try fixture.write("Content/records/.notice-1.md.swp", PreviewFixture.record(title: "改名保存", date: "2023-01-01", body: "改名保存的正文。"))
        // An editor's save: a new file renamed over the old one.
        #expect(rename(fixture.project.records.appendingPathComponent(".notice-1.md.swp").path,
                       fixture.project.records.appendingPathComponent("notice-1.md").path) == 0)
        #expect(try await eventually { try fixture.http.get("/records/notice-1.html").body.contains("改名保存的正文。") })

        try fixture.write("Content/records/notice-9.md", PreviewFixture.record(title: "新增文件", date: "2024-01-01", body: "新的。"))
        #expect(try await eventually { try fixture.http.get("/records/notice-9.html").status == 200 })
        try FileManager.default.removeItem(at: fixture.project.records.appendingPathComponent("notice-9.md"))
        #expect(try await eventually { try fixture.http.get("/records/notice-9.html").status == 404 })
    }

    @Test func aBrokenRecordShowsTheErrorOverTheLastGoodSite() async throws {
        let fixture = try await PreviewFixture()
        defer { Task { await fixture.stop() } }
        let events = try EventStreamReader(port: fixture.port, path: PreviewHTML.eventsPath)
        defer { events.close() }
        #expect(await events.wait(for: ": connected"))

        try fixture.write("Content/records/notice-3.md", "---\ntitle: 缺少日期\nissuer: 测试县人民政府\n---\n正文\n")
        #expect(try await eventually { try fixture.http.get("/records/notice-3.html").body.contains("gongkai-error") })
        let page = try fixture.http.get("/records/notice-3.html")
        #expect(page.status == 200)
        #expect(page.body.contains("第3份正文。"), "the last good page stays")
        #expect(page.body.contains("Content/records/notice-3.md:2:1"))
        #expect(page.body.contains("missing required key &#39;date&#39;") || page.body.contains("missing required key 'date'"))
        #expect(await events.wait(for: "event: reload"))
        #expect(fixture.log.contains { $0.hasPrefix("Content/records/notice-3.md:2:1: error:") })

        try fixture.write("Content/records/notice-3.md", PreviewFixture.record(title: "修好了", date: "2023-03-01", body: "修好的正文。"))
        #expect(try await eventually {
            let body = try fixture.http.get("/records/notice-3.html").body
            return body.contains("修好的正文。") && !body.contains("gongkai-error")
        })
    }

    @Test func noPathOutsideTheSiteIsServed() async throws {
        let fixture = try await PreviewFixture(output: true)
        defer { Task { await fixture.stop() } }
        let outside = fixture.project.root.appendingPathComponent("secret.html")
        try Data("SECRET".utf8).write(to: outside)
        let output = fixture.project.root.appendingPathComponent("Output")
        try FileManager.default.createSymbolicLink(at: output.appendingPathComponent("leak.html"), withDestinationURL: outside)
        for path in ["/../secret.html", "/records/../../secret.html", "/%2e%2e/secret.html", "/%2E%2E%2Fsecret.html",
                     "/records/..%2f..%2fsecret.html", "/..%5csecret.html", "/%252e%252e/secret.html", "/leak.html",
                     "/.gongkai-cache", "/.gongkai-output", "/records/%00.html", "/%zz"] {
            let reply = try fixture.http.get(path)
            #expect([400, 404].contains(reply.status), "\(path) → \(reply.status)")
            #expect(!reply.body.contains("SECRET"), "\(path)")
        }
        #expect(try fixture.http.get("/records/notice-1.html").status == 200)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("records/notice-1.html").path))
    }

    @Test func aBurstOfChangesIsOneRebuild() async throws {
        let fixture = try await PreviewFixture(debounce: .seconds(1))
        defer { Task { await fixture.stop() } }
        let before = fixture.log.count
        for number in 100..<400 {
            try fixture.write("Content/records/burst-\(number).md", PreviewFixture.record(title: "批量\(number)", date: "2022-05-01", body: "批量。"))
        }
        #expect(try await eventually { try fixture.http.get("/records/burst-399.html").status == 200 })
        try await Task.sleep(for: .milliseconds(1500))
        let rebuilds = fixture.log[before...].filter { $0.contains("rebuilt:") }
        #expect(rebuilds.count == 1, "\(rebuilds)")
    }
}
