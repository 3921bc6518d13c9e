import Testing
@testable import GongkaiCore

/// Term pages keep their file names from build to build and release to release: links to them
/// live in other sites and in bookmarks.
@Suite struct TaxonomyTests {
    @Test func termSlugsAreStable() {
        #expect(Taxonomy.slug(for: "东坪县人民政府", in: .issuer) == "t5b94e96a4d")
        #expect(Taxonomy.slug(for: "2023", in: .year) == "2023")
        #expect(Taxonomy.slug(for: "有效", in: .status) == "valid")
        for name in ["水利", "商贸流通", "工作要点", "a", "", "县人民政府办公室关于印发《2023年工作要点》的通知", "失效"] {
            for kind in TaxonomyKind.allCases where !(kind == .status && name == "失效") && !(kind == .year && name.isEmpty) {
                #expect(Taxonomy.slug(for: name, in: kind) == "t" + StableHash.hex(of: name).prefix(10), "\(name)")
            }
        }
    }
}
