import Foundation
@testable import GongkaiCore

/// The repository root, found from this file's path, so tests can build the real `Content/`.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// A fresh empty folder under the system's temporary folder, removed by the caller's `defer`.
func temporaryFolder(_ name: String = "gongkai-test") throws -> URL {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("\(name)-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A project in a temporary folder made of the given files (path relative to the root → text).
func makeProject(_ files: [String: String]) throws -> Project {
    let root = try temporaryFolder("gongkai-site")
    for (path, text) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    return Project(root: root)
}

/// A copy of the repository's real `Content/` in a temporary project, so tests can build it,
/// break it and compare outputs without touching the working tree.
func copyOfRealSite() throws -> Project {
    let root = try temporaryFolder("gongkai-real")
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Content"), to: root.appendingPathComponent("Content"))
    return Project(root: root)
}

/// Every file under `folder`, relative path → bytes.
func readTree(_ folder: URL) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let base = folder.standardizedFileURL.path
    let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    while let url = enumerator?.nextObject() as? URL {
        guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
        files[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
    }
    return files
}

func text(_ data: Data?) -> String { data.map { String(decoding: $0, as: UTF8.self) } ?? "" }

/// A minimal valid record for inline fixtures.
func recordText(title: String = "关于测试的通知", issuer: String = "测试县人民政府", date: String = "2023-01-02",
                extra: String = "", body: String = "正文。\n") -> String {
    "---\ntitle: \"\(title)\"\nissuer: \(issuer)\ndate: \(date)\n\(extra)---\n\(body)"
}
