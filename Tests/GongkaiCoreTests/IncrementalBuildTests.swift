import Foundation
import Testing
@testable import GongkaiCore

/// Incremental builds: the same bytes as a clean build, with only the needed pages rendered.
@Suite struct IncrementalBuildTests {
    /// The site built from scratch by the plain pipeline into a folder of its own.
    static func cleanBuild(_ project: Project) throws -> [String: Data] {
        let folder = try temporaryFolder("gongkai-clean")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("Output")
        _ = try SiteBuilder(project: project).build(output: output)
        return try readTree(output)
    }

    /// Paths whose bytes differ, or that only one side has.
    static func differences(_ files: [String: Data], _ expected: [String: Data]) -> [String] {
        Set(files.keys).union(expected.keys).filter { files[$0] != expected[$0] }.sorted()
    }

    static func withoutCache(_ files: [String: Data]) -> [String: Data] {
        files.filter { $0.key != BuildCache.fileName }
    }

    @Test func randomEditsMatchACleanBuildOnDiskAndInMemory() throws {
        var fixture = try IncrementalFixture(records: 20, seed: 20_240_607)
        defer { fixture.remove() }
        let builder = IncrementalBuilder(project: fixture.project)
        let first = try builder.build(output: fixture.project.output)
        #expect(!first.incremental)
        let memory = MemoryPublisher()
        let records = RecordCache()
        let models = ModelCache()
        var memoryCache = try builder.build(into: memory, previous: nil, records: records, models: models).cache

        for step in 0..<30 {
            let (edit, touched) = try fixture.randomEdit()
            records.invalidate(touched)
            let outcome = try builder.build(output: fixture.project.output)
            #expect(outcome.incremental, "step \(step): \(edit)")
            let clean = try Self.cleanBuild(fixture.project)
            let disk = Self.withoutCache(try readTree(fixture.project.output))
            #expect(Self.differences(disk, clean) == [], "step \(step): \(edit): on disk")

            memoryCache = try builder.build(into: memory, previous: memoryCache, records: records, models: models).cache
            let inMemory = memory.files.mapValues { Data($0) }
            #expect(Self.differences(inMemory, clean.filter { $0.key != OutputGuard.marker }) == [], "step \(step): \(edit): in memory")
        }
    }

    @Test func aBodyEditRendersOnlyItsPage() throws {
        let fixture = try IncrementalFixture(records: 20, seed: 7)
        defer { fixture.remove() }
        let builder = IncrementalBuilder(project: fixture.project)
        let full = try builder.build(output: fixture.project.output)
        let path = try fixture.recordPaths()[5]
        try fixture.write(path, try fixture.read(path) + "\n新增一段。\n")
        let outcome = try builder.build(output: fixture.project.output)
        let slug = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        #expect(outcome.incremental)
        #expect(outcome.rendered == 1)
        #expect(outcome.changed == ["records/\(slug).html"])
        #expect(full.report.pages > 40)
    }

    @Test func aTitleEditRendersItsPageNeighboursAndLists() throws {
        let fixture = try IncrementalFixture(records: 20, seed: 8)
        defer { fixture.remove() }
        let builder = IncrementalBuilder(project: fixture.project)
        let full = try builder.build(output: fixture.project.output)
        let path = try fixture.recordPaths()[3]
        let old = try fixture.read(path)
        try fixture.write(path, old.replacingOccurrences(of: "title: \"", with: "title: \"新"))
        let outcome = try builder.build(output: fixture.project.output)
        // Its page, up to two neighbours, the list page, up to 3 term pages (issuer, year, topics…), maybe home.
        #expect(outcome.rendered >= 3)
        #expect(outcome.rendered < full.report.pages / 2)
        #expect(try Self.withoutCache(readTree(fixture.project.output)) == Self.cleanBuild(fixture.project))
    }

    @Test func anUnchangedSiteRendersAndWritesNothing() throws {
        let fixture = try IncrementalFixture(records: 20, seed: 9)
        defer { fixture.remove() }
        let builder = IncrementalBuilder(project: fixture.project)
        _ = try builder.build(output: fixture.project.output)
        let cache = fixture.project.output.appendingPathComponent(BuildCache.fileName)
        let stamp = AtomicFile.stamp(cache)
        let outcome = try builder.build(output: fixture.project.output)
        #expect(outcome.incremental)
        #expect(outcome.rendered == 0 && outcome.written == 0 && outcome.removed == 0)
        #expect(AtomicFile.stamp(cache)! == stamp!)
    }

    @Test func aTemplateEditRendersEveryPage() throws {
        let fixture = try IncrementalFixture(records: 20, seed: 10)
        defer { fixture.remove() }
        let builder = IncrementalBuilder(project: fixture.project)
        let full = try builder.build(output: fixture.project.output)
        try fixture.write("Templates/record-meta.mustache", try fixture.read("Templates/record-meta.mustache") + "<!-- x -->")
        let outcome = try builder.build(output: fixture.project.output)
        #expect(outcome.rendered == full.report.pages)
        #expect(outcome.written == 20)
    }

    @Test func filesChangedOrDeletedByHandAreRewritten() throws {
        let fixture = try IncrementalFixture(records: 20, seed: 11)
        defer { fixture.remove() }
        let builder = IncrementalBuilder(project: fixture.project)
        _ = try builder.build(output: fixture.project.output)
        try FileManager.default.removeItem(at: fixture.project.output.appendingPathComponent("index.html"))
        try Data("hand edit".utf8).write(to: fixture.project.output.appendingPathComponent("records/index.html"))
        try Data("x".utf8).write(to: fixture.project.output.appendingPathComponent(PagePath.stylesheet))
        let outcome = try builder.build(output: fixture.project.output)
        #expect(outcome.rendered == 2)
        #expect(try Self.withoutCache(readTree(fixture.project.output)) == Self.cleanBuild(fixture.project))
    }

    @Test func aCorruptOrMissingCacheMeansAFullBuild() throws {
        let fixture = try IncrementalFixture(records: 5, seed: 12)
        defer { fixture.remove() }
        let builder = IncrementalBuilder(project: fixture.project)
        _ = try builder.build(output: fixture.project.output)
        let cache = fixture.project.output.appendingPathComponent(BuildCache.fileName)
        try Data("gongkai-cache 0\nnonsense".utf8).write(to: cache)
        #expect(try !builder.build(output: fixture.project.output).incremental)
        #expect(try builder.build(output: fixture.project.output).incremental)
        try FileManager.default.removeItem(at: cache)
        #expect(try !builder.build(output: fixture.project.output).incremental)
        #expect(try !builder.build(output: fixture.project.output, clean: true).incremental)
    }

    @Test func aBrokenRecordLeavesTheOutputAsItWas() throws {
        var fixture = try IncrementalFixture(records: 10, seed: 13)
        defer { fixture.remove() }
        let builder = IncrementalBuilder(project: fixture.project)
        _ = try builder.build(output: fixture.project.output)
        let before = try readTree(fixture.project.output)
        try fixture.addRecord()
        try fixture.write(try fixture.recordPaths()[0], "---\ntitle: 缺少字段\n---\n")
        #expect(throws: (any Error).self) { try builder.build(output: fixture.project.output) }
        #expect(try readTree(fixture.project.output) == before)
    }

    @Test func dataFilesFeedOnlyThePagesThatDeclareThem() throws {
        let fixture = try IncrementalFixture(records: 3, seed: 14)
        defer { fixture.remove() }
        let loader = ContentLoader(project: fixture.project)
        let templates = try TemplateSet.load(from: fixture.project.templates, project: fixture.project)
        let model = try SiteModel(config: try loader.siteConfig(), records: try loader.records())
        let before = PageFingerprinter(model: model, inputs: try BuildInputs(project: fixture.project, templates: templates, records: model.records))
        try fixture.write("Content/data/values.csv", "a,b\n1,2\n")
        let after = PageFingerprinter(model: model, inputs: try BuildInputs(project: fixture.project, templates: templates, records: model.records))
        #expect(before.inputs.everything != after.inputs.everything)
        for page in model.pages { #expect(before.fingerprint(of: page) == after.fingerprint(of: page)) }
        var indicatorPage = model.pages[0]
        indicatorPage.dataInputs = ["Content/data/values.csv"]
        #expect(before.fingerprint(of: indicatorPage) != after.fingerprint(of: indicatorPage))
    }
}
