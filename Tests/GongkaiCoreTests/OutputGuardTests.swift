import Foundation
import Testing
@testable import GongkaiCore

@Suite struct OutputGuardTests {
    @Test func refusesTheProjectAndItsSources() throws {
        let project = try makeProject(["Content/records/a.md": recordText()])
        defer { try? FileManager.default.removeItem(at: project.root) }
        for output in [project.root, project.content, project.records, project.root.deletingLastPathComponent()] {
            #expect(throws: Diagnostic.self) { try OutputGuard.check(output: output, project: project) }
        }
        try OutputGuard.check(output: project.output, project: project)
    }

    @Test func refusesAForeignNonEmptyFolderUnlessForced() throws {
        let project = try makeProject(["Content/records/a.md": recordText(), "Output/precious.txt": "keep me"])
        defer { try? FileManager.default.removeItem(at: project.root) }
        let error = #expect(throws: Diagnostic.self) { try SiteBuilder(project: project).build(output: project.output) }
        #expect(error?.message.contains("not empty and was not made by gongkai") == true)
        #expect(text(try Data(contentsOf: project.output.appendingPathComponent("precious.txt"))) == "keep me")
        _ = try SiteBuilder(project: project).build(output: project.output, force: true)
        #expect(FileManager.default.fileExists(atPath: project.output.appendingPathComponent(OutputGuard.marker).path))
    }
}
