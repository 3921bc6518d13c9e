import Foundation
@testable import GongkaiCore

/// Fixture access for the importer tests (files under Fixtures/Import/).
enum ImportFixture {
    static func url(_ name: String) -> URL {
        guard let url = Bundle.module.url(forResource: "Fixtures/Import/\(name)", withExtension: nil) else {
            fatalError("missing fixture Fixtures/Import/\(name)")
        }
        return url
    }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    static func text(_ name: String) throws -> String { String(decoding: try data(name), as: UTF8.self) }

    /// Imports a fixture and decodes the emitted record, as `gongkai build` would read it.
    static func importAndDecode(_ name: String, as slug: String? = nil) throws -> (result: ImportResult, record: Record) {
        let result = try NoticeImporter().importNotice(data: try data(name), path: name)
        let record = try RecordDecoder().decode(result.recordText, path: "Content/records/\(slug ?? result.slug).md")
        return (result, record)
    }
}
