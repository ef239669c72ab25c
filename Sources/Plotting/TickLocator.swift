import Foundation

/// Chooses "nice" tick positions for a view interval, as matplotlib's `MaxNLocator` (the `AutoLocator`).
///
/// Steps are 1, 2, 2.5, 5 and 10 times a power of ten; the smallest step that puts at most `nbins`
/// intervals across the range wins, falling back to smaller steps until at least two ticks are visible.
struct TickLocator {
    /// Allowed step mantissas, matplotlib's AutoLocator default.
    var steps: [Double] = [1, 2, 2.5, 5, 10]
    /// At least this many ticks must fall inside the view.
    var minimumTicks = 2
    /// Hard ceiling on generated ticks: a guard against pathological inputs, never hit for sane ranges.
    static let tickCeiling = 1000

    /// matplotlib's `nbins='auto'`: the axis length in points divided by 3 (x) or 2 (y) tick-label font sizes, clamped to 1...9.
    static func automaticBins(axisLengthPoints: Double, tickLabelSizePoints: Double, horizontal: Bool) -> Int {
        guard axisLengthPoints.isFinite, tickLabelSizePoints > 0 else { return 1 }
        let perTick = tickLabelSizePoints * (horizontal ? 3 : 2)
        let space = Int((axisLengthPoints / perTick).rounded(.down).clamped(to: 0...1000))
        return max(1, min(9, space))
    }

    /// Tick candidates covering `[vmin, vmax]` (some may lie just outside; callers keep the visible ones).
    /// Returns an empty array for non-finite input.
    func ticks(from vmin: Double, to vmax: Double, bins: Int) -> [Double] {
        guard vmin.isFinite, vmax.isFinite else { return [] }
        let (low, high) = TickLocator.nonsingular(min(vmin, vmax), max(vmin, vmax), expander: 1e-13, tiny: 1e-14)
        let bins = max(1, bins)
        let (scale, offset) = TickLocator.scaleRange(low, high, bins: bins)
        let shiftedLow = low - offset, shiftedHigh = high - offset
        // matplotlib's staircase: 0.1·steps, steps, and 10·steps[1].
        let staircase = steps.dropLast().map { $0 * 0.1 } + steps + [steps[1] * 10]
        let candidates = staircase.map { $0 * scale }
        let rawStep = (shiftedHigh - shiftedLow) / Double(bins)
        let firstLarge = candidates.firstIndex { $0 >= rawStep } ?? (candidates.count - 1)
        var result: [Double] = []
        for step in candidates[0...firstLarge].reversed() where step > 0 {
            let best = (shiftedLow / step).rounded(.down) * step
            let edge = EdgeInteger(step: step, offset: offset)
            let first = edge.le(shiftedLow - best)
            let last = edge.ge(shiftedHigh - best)
            guard last - first < Double(TickLocator.tickCeiling) else { continue }
            var ticks: [Double] = []
            var n = first
            while n <= last {
                ticks.append(n * step + best)
                n += 1
            }
            result = ticks.map { $0 + offset }
            let visible = ticks.filter { $0 >= shiftedLow && $0 <= shiftedHigh }.count
            if visible >= minimumTicks { break }
        }
        return result
    }

    /// matplotlib's `scale_range`: the power-of-ten scale of one bin and an offset for ranges far from zero.
    static func scaleRange(_ vmin: Double, _ vmax: Double, bins: Int, threshold: Double = 100) -> (scale: Double, offset: Double) {
        let span = abs(vmax - vmin)
        let mean = (vmax + vmin) / 2
        var offset = 0.0
        if span > 0, abs(mean) / span >= threshold {
            offset = (mean < 0 ? -1 : 1) * pow(10, log10(abs(mean)).rounded(.down))
        }
        let scale = span > 0 ? pow(10, log10(span / Double(bins)).rounded(.down)) : 1
        return (scale, offset)
    }

    /// matplotlib's `transforms.nonsingular`: widens an empty or vanishing interval so it can be ticked.
    static func nonsingular(_ vmin: Double, _ vmax: Double, expander: Double = 0.05, tiny: Double = 1e-15) -> (Double, Double) {
        guard vmin.isFinite, vmax.isFinite else { return (-expander, expander) }
        var low = vmin, high = vmax
        if high < low { swap(&low, &high) }
        let largest = max(abs(low), abs(high))
        if largest < 1e6 * Double.leastNormalMagnitude {
            return (-expander, expander)
        }
        if high - low <= largest * tiny {
            if high == 0 && low == 0 { return (-expander, expander) }
            low -= expander * abs(low)
            high += expander * abs(high)
        }
        return (low, high)
    }
}

/// matplotlib's `_Edge_integer`: floor/ceil of `x / step` that forgives floating-point error near an integer.
private struct EdgeInteger {
    let step: Double
    let offset: Double

    /// Whether `ms` is within tolerance of `edge` (the tolerance grows when a large offset eats precision).
    func closeTo(_ ms: Double, _ edge: Double) -> Bool {
        var tolerance = 1e-10
        if offset > 0 {
            let digits = log10(offset / step)
            tolerance = min(0.4999, max(1e-10, pow(10, digits - 12)))
        }
        return abs(ms - edge) < tolerance
    }

    /// The largest n with n·step <= x.
    func le(_ x: Double) -> Double {
        let d = (x / step).rounded(.down)
        let m = x - d * step
        return closeTo(m / step, 1) ? d + 1 : d
    }

    /// The smallest n with n·step >= x.
    func ge(_ x: Double) -> Double {
        let d = (x / step).rounded(.down)
        let m = x - d * step
        return closeTo(m / step, 0) ? d : d + 1
    }
}

extension Comparable {
    /// This value limited to `range`.
    func clamped(to range: ClosedRange<Self>) -> Self { min(max(self, range.lowerBound), range.upperBound) }
}
