/// Whether a reported value meets a target: 达标 / 未达标 / 无数据.
public enum AssessmentStatus: String, Sendable, Hashable {
    case met = "达标"
    case notMet = "未达标"
    case noData = "无数据"

    /// CSS class and plain-ASCII name for downloads.
    public var code: String {
        switch self {
        case .met: return "met"
        case .notMet: return "not-met"
        case .noData: return "no-data"
        }
    }
}

/// A target set against the value reported for it.
public struct Assessment: Sendable, Hashable {
    public var status: AssessmentStatus
    /// The value compared, if any: the one for the target's year, else the latest one when
    /// the target has no year.
    public var actual: ReportedValue?
    /// The latest value reported at all, shown for reference when the target year has none.
    public var latest: ReportedValue?

    /// Compares `actual` with `target`.
    ///
    /// `>=` and `<=` say which side is good. `=` and `range` need the indicator's better
    /// direction: for a higher-is-better 100% target, 100 or more is met; for lower-is-better,
    /// the target or less; with no direction, only a value on the target (or inside the range).
    public static func status(of actual: Double, against target: IndicatorTarget, better: BetterDirection?) -> AssessmentStatus {
        let tolerance = 1e-9
        let met: Bool
        switch target.comparator {
        case .atLeast: met = actual >= target.target - tolerance
        case .atMost: met = actual <= target.target + tolerance
        case .equal:
            switch better {
            case .higher: met = actual >= target.target - tolerance
            case .lower: met = actual <= target.target + tolerance
            case nil: met = abs(actual - target.target) <= tolerance
            }
        case .range:
            let low = target.target, high = target.targetMax ?? target.target
            switch better {
            case .higher: met = actual >= low - tolerance
            case .lower: met = actual <= high + tolerance
            case nil: met = actual >= low - tolerance && actual <= high + tolerance
            }
        }
        return met ? .met : .notMet
    }

    /// Assesses `target` with the values reported for its indicator and jurisdiction.
    static func assess(_ target: IndicatorTarget, values: [ReportedValue], better: BetterDirection?) -> Assessment {
        let latest = values.max { $0.year < $1.year }
        let compared = target.year.map { year in values.first { $0.year == year } } ?? latest
        guard let compared else { return Assessment(status: .noData, actual: nil, latest: latest) }
        return Assessment(status: status(of: compared.value, against: target, better: better), actual: compared, latest: latest)
    }
}
