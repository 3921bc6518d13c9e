import Foundation
import Testing
@testable import GongkaiCore

/// Numbers as tables and downloads print them: the integer arithmetic must print exactly what
/// the "%.6f" formatting it replaced printed, trailing zeros cut.
@Suite struct NumberFormatTests {
    private func reference(_ value: Double) -> String {
        let rounded = (value * 1e6).rounded() / 1e6
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(format: "%.6f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    @Test func decimalsPrintAsPrintfDid() {
        var values: [Double] = [96, 97.5, 0.5, -0.25, 0.1 + 0.2, 1e-7, -4e-7, 5e-7, 0.0000015, 123456.789, 99.99,
                                999_999_999.5, -999_999_999.25, 1e9 + 0.5, 2.5e12 + 0.125, 0.000001, -0.000001]
        for numerator in 1...2000 {
            values.append(Double(numerator) / 7)
            values.append(Double(numerator) * -0.37)
            values.append(Double(numerator) * 1.000001)
        }
        for value in values {
            #expect(NumberFormat.plain(value) == reference(value), "\(value)")
        }
        #expect(NumberFormat.plain(97.5) == "97.5" && NumberFormat.plain(-0.25) == "-0.25" && NumberFormat.plain(96) == "96")
    }

    /// Chart coordinates: exactly what "%.1f" prints, ties and near-ties included.
    @Test func tenthsPrintAsPrintfDoes() {
        var values: [Double] = [0, -0.0, 0.05, 0.15, 0.25, 0.35, -0.25, -0.05, -0.04, 2.5, 0.45, 1.45, 1e14 + 0.25, 720, 296.5,
                                1e15, -3e16, .ulpOfOne, 0.049999999999999996]
        for numerator in 1...4000 {
            values.append(Double(numerator) / 40)      // every exact multiple of 0.025: ties in binary
            values.append(Double(numerator) * 0.05)    // near-ties that are not exact
            values.append(Double(numerator) * -0.0137 + 0.005)
            values.append(296 + 424 * Double(numerator) / 4001)
        }
        for value in values {
            #expect(NumberFormat.tenths(value) == String(format: "%.1f", value), "\(value)")
        }
    }
}
