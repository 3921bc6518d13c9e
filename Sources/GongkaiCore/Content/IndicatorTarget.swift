import Foundation

/// How a target compares with the measured value.
public enum Comparator: String, Sendable, Hashable, CaseIterable {
    case atLeast = ">="
    case atMost = "<="
    case equal = "="
    case range = "range"

    /// The sign shown beside a target: ≥ 96%.
    public var symbol: String {
        switch self {
        case .atLeast: return "≥"
        case .atMost: return "≤"
        case .equal: return "="
        case .range: return ""
        }
    }
}

/// One quantitative target a document sets: 「制造业产品质量合格率达到96%以上」.
public struct IndicatorTarget: Sendable, Hashable {
    /// The indicator as the document names it.
    public var name: String
    /// A stable id given in the record, if any; the catalogue supplies one otherwise.
    public var id: String?
    public var comparator: Comparator
    public var target: Double
    /// Upper bound, for `range` only.
    public var targetMax: Double?
    public var unit: String
    public var year: Int?
    /// The document's own grouping (质量水平, 质量监管…).
    public var category: String?
    public var owners: [String]
    public var note: String?
    /// Where the item stands in its record file, for messages.
    public var line: Int

    public init(name: String, id: String? = nil, comparator: Comparator, target: Double, targetMax: Double? = nil,
                unit: String = "", year: Int? = nil, category: String? = nil, owners: [String] = [],
                note: String? = nil, line: Int = 1) {
        self.name = name
        self.id = id
        self.comparator = comparator
        self.target = target
        self.targetMax = targetMax
        self.unit = unit
        self.year = year
        self.category = category
        self.owners = owners
        self.note = note
        self.line = line
    }

    /// The target as a reader sees it: ≥96%, 3–5个, ≤0.5起/万台.
    public var formattedTarget: String { formattedNumber + unit }

    /// The target without its unit, for tables with a unit column: ≥96, 3–5.
    public var formattedNumber: String {
        switch comparator {
        case .range: return "\(NumberFormat.plain(target))–\(NumberFormat.plain(targetMax ?? target))"
        default: return "\(comparator.symbol)\(NumberFormat.plain(target))"
        }
    }
}

/// Numbers as documents write them: 96, 97.5, 0.5 — never 96.0.
public enum NumberFormat {
    public static func plain(_ value: Double) -> String {
        let rounded = (value * 1e6).rounded() / 1e6
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        // Millionths as an integer, below 10⁹ where a Double holds them exactly: what "%.6f"
        // prints, without Foundation's formatter (1 % of a build, for tables of 97.5%).
        if abs(value) < 1e9 {
            let millionths = Int64((value * 1e6).rounded())
            let whole = String(millionths.magnitude / 1_000_000)
            var fraction = String(millionths.magnitude % 1_000_000)
            fraction = String(repeating: "0", count: 6 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            return (millionths < 0 ? "-" : "") + whole + "." + fraction
        }
        var text = String(format: "%.6f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }

    /// One decimal, exactly as "%.1f" prints it (the binary value rounded, ties to even),
    /// without Foundation's formatter: a chart prints a few hundred coordinates, and each
    /// `String(format:)` took over ten thousand instructions.
    public static func tenths(_ value: Double) -> String {
        let scaled = value * 10
        guard abs(scaled) < 1e15 else { return String(format: "%.1f", value) }
        // `scaled` is the product rounded; `error` is what that rounding lost, exactly. Only when
        // `scaled` lies on a half does the lost part decide which way the true product rounds.
        let error = fma(value, 10, -scaled)
        var whole = scaled.rounded(.down)
        let fraction = scaled - whole
        if fraction > 0.5 || (fraction == 0.5 && (error > 0 || (error == 0 && whole.truncatingRemainder(dividingBy: 2) != 0))) {
            whole += 1
        }
        let tenths = Int64(whole).magnitude
        return (value.sign == .minus ? "-" : "") + String(tenths / 10) + "." + String(tenths % 10)
    }
}
