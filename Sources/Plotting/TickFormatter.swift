import Foundation

/// Formats tick values as matplotlib's `ScalarFormatter` does without offset text: one number of decimals
/// for the whole axis, the fewest that tell the ticks apart, and the real minus sign U+2212 for negatives.
enum TickFormatter {
    /// The typographic minus sign matplotlib uses (`axes.unicode_minus`).
    static let minus = "\u{2212}"
    /// Most decimals ever printed; more would only show floating-point noise.
    static let maximumDecimals = 15

    /// Labels for `ticks`, all with the same number of decimals.
    static func labels(for ticks: [Double]) -> [String] {
        let finite = ticks.filter(\.isFinite)
        guard !finite.isEmpty else { return ticks.map { _ in "" } }
        let digits = decimals(for: finite)
        return ticks.map { format($0, decimals: digits) }
    }

    /// matplotlib's `_set_format`: start from 3 significant figures of the tick range and drop decimals while
    /// every tick still rounds to itself within a thousandth of the range's order of magnitude.
    static func decimals(for ticks: [Double]) -> Int {
        guard let low = ticks.min(), let high = ticks.max() else { return 0 }
        var range = high - low
        if range == 0 { range = max(abs(low), abs(high)) }
        if range == 0 || !range.isFinite { range = 1 }
        let magnitude = Int(log10(range).rounded(.down))
        var decimals = max(0, 3 - magnitude)
        let threshold = 1e-3 * pow(10, Double(magnitude))
        while decimals >= 0 {
            let scale = pow(10, Double(decimals))
            let worst = ticks.map { abs($0 - ($0 * scale).rounded() / scale) }.max() ?? 0
            if worst < threshold { decimals -= 1 } else { break }
        }
        return min(maximumDecimals, decimals + 1)
    }

    /// One value with `decimals` digits after the point; negative zero prints as zero.
    static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value > 0 ? "inf" : "\(minus)inf") }
        var text = String(format: "%.\(max(0, decimals))f", value)
        if text.hasPrefix("-") {
            let magnitude = text.dropFirst()
            // "-0.00" is zero: print it unsigned, as matplotlib does.
            if magnitude.allSatisfy({ $0 == "0" || $0 == "." }) { return String(magnitude) }
            text = minus + magnitude
        }
        return text
    }
}
