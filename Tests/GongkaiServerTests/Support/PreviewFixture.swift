import Foundation
import GongkaiCore
@testable import GongkaiServer

/// A small project served by a real `PreviewServer` on a free loopback port. The records
/// are made up for the tests; their titles, issuers and numbers are invented.
final class PreviewFixture: @unchecked Sendable {
    let project: Project
    let server: PreviewServer
    let port: Int
    private let task: Task<Void, Error>
    private let lines = LockedLines()

    static func record(title: String, date: String, body: String) -> String {
        "---\ntitle: \"\(title)\"\nissuer: 测试县人民政府\ndate: \(date)\ntopics: [质量]\n---\n\(body)\n"
    }

    init(output: Bool = false, debounce: Duration = .milliseconds(50)) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-serve-\(UUID().uuidString)")
        project = Project(root: root)
        try FileManager.default.createDirectory(at: project.records, withIntermediateDirectories: true)
        for number in 1...3 {
            try Data(Self.record(title: "关于第\(number)项测试工作的通知", date: "2023-0\(number)-01", body: "第\(number)份正文。").utf8)
                .write(to: project.records.appendingPathComponent("notice-\(number).md"))
        }
        var options = PreviewServer.Options()
        options.port = 0
        options.debounce = debounce
        if output { options.output = root.appendingPathComponent("Output") }
        let lines = self.lines
        let server = PreviewServer(project: project, options: options, log: { lines.append($0) })
        let (ports, continuation) = AsyncStream<Int>.makeStream()
        task = Task { try await server.run { continuation.yield($0) } }
        var iterator = ports.makeAsyncIterator()
        guard let port = await iterator.next() else { throw Failure("server did not start") }
        self.server = server
        self.port = port
    }

    var http: RawHTTP { RawHTTP(port: port) }
    var log: [String] { lines.all }

    func write(_ relative: String, _ text: String) throws {
        let url = project.root.appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func stop() async {
        server.stop()
        _ = try? await task.value
        try? FileManager.default.removeItem(at: project.root)
    }
}

final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.withLock { lines.append(line) } }
    var all: [String] { lock.withLock { lines } }
}
