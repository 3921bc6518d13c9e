import Foundation
import Testing
@testable import GongkaiCore

/// A full build makes each indicator's own CSV and JSON along with the whole archive's tables;
/// a rebuild of one indicator makes its files alone. Both ways must give the same bytes.
@Suite struct DownloadsTests {
    @Test(arguments: ["real", "fictional"])
    func indicatorFilesMadeWithTheArchiveTablesAreTheSameAsAlone(site: String) throws {
        let project: Project
        if site == "real" {
            project = try copyOfRealSite()
        } else {
            let root = try temporaryFolder("gongkai-fictional")
            let fixture = try #require(Bundle.module.url(forResource: "Fixtures/Sites/fictional-values/Content", withExtension: nil))
            try FileManager.default.copyItem(at: fixture, to: root.appendingPathComponent("Content"))
            project = Project(root: root)
        }
        defer { try? FileManager.default.removeItem(at: project.root) }
        let model = try SiteModel(ContentLoader(project: project).content(config: SiteConfig()))
        let downloads = Downloads(model: model)
        #expect(model.indicators.indicators.count > 3)

        let formats: [(table: Download, alone: (Int) -> Download)] = [(.indicatorsCSV, Download.indicatorCSV), (.indicatorsJSON, Download.indicatorJSON)]
        for (table, alone) in formats {
            var companions: [Download: [UInt8]] = [:]
            let together = try OutputBlocks.collect { blocks in
                try downloads.writeWithCompanions(table, to: &blocks) { companions[$0] = $1 }
            }
            #expect(together == (try OutputBlocks.collect { try downloads.write(table, to: &$0) }), "\(table)")
            #expect(companions.count == model.indicators.indicators.count)
            for index in model.indicators.indicators.indices {
                let expected = try OutputBlocks.collect { try downloads.write(alone(index), to: &$0) }
                #expect(companions[alone(index)] == expected, "\(alone(index))")
            }
        }
    }
}
