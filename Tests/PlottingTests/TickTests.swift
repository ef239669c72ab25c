import Testing
@testable import Plotting

/// Tick positions (matplotlib's MaxNLocator rules) and tick labels (ScalarFormatter rules).
struct TickTests {
    func visibleTicks(_ low: Double, _ high: Double, bins: Int) -> [Double] {
        TickLocator().ticks(from: low, to: high, bins: bins).filter { $0 >= low - 1e-12 && $0 <= high + 1e-12 }
    }

    func expectClose(_ actual: [Double], _ expected: [Double], tolerance: Double = 1e-12) {
        #expect(actual.count == expected.count, "\(actual) vs \(expected)")
        for (a, e) in zip(actual, expected) { #expect(abs(a - e) <= tolerance, "\(actual) vs \(expected)") }
    }

    @Test func unitRangeStepsByPointTwo() {
        expectClose(visibleTicks(0, 1, bins: 9), [0, 0.2, 0.4, 0.6, 0.8, 1.0])
    }

    @Test func symmetricRangeStepsByOneWithFiveBins() {
        expectClose(visibleTicks(-2, 2, bins: 5), [-2, -1, 0, 1, 2])
        // With nine bins the 1-2-2.5-5 ladder picks 0.5.
        expectClose(visibleTicks(-2, 2, bins: 9), [-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2])
    }

    @Test func batchRowsTickByTensOrTwenties() {
        expectClose(visibleTicks(0, 63, bins: 9), [0, 10, 20, 30, 40, 50, 60])
        expectClose(visibleTicks(-3.15, 66.15, bins: 6), [0, 20, 40, 60])
    }

    @Test func rangeFarFromZeroUsesAnOffset() {
        let ticks = visibleTicks(0.999999, 1.000001, bins: 9)
        expectClose(ticks, (0...8).map { 0.999999 + Double($0) * 2.5e-7 }, tolerance: 1e-15)
        #expect(TickFormatter.labels(for: ticks) == [
            "0.99999900", "0.99999925", "0.99999950", "0.99999975", "1.00000000",
            "1.00000025", "1.00000050", "1.00000075", "1.00000100",
        ])
    }

    @Test func automaticBinsFollowAxisLength() {
        // 446 pt wide at 22 pt labels: floor(446 / 66) = 6 bins (the reference ReLU figure).
        #expect(TickLocator.automaticBins(axisLengthPoints: 446, tickLabelSizePoints: 22, horizontal: true) == 6)
        #expect(TickLocator.automaticBins(axisLengthPoints: 446, tickLabelSizePoints: 11, horizontal: false) == 9)
        #expect(TickLocator.automaticBins(axisLengthPoints: 10, tickLabelSizePoints: 11, horizontal: true) == 1)
    }

    @Test func degenerateRangesTerminate() {
        #expect(TickLocator().ticks(from: 0, to: .infinity, bins: 5).isEmpty)
        #expect(TickLocator().ticks(from: .nan, to: 1, bins: 5).isEmpty)
        let flat = TickLocator().ticks(from: 3, to: 3, bins: 5)
        #expect(!flat.isEmpty && flat.count < 20)
        #expect(TickLocator().ticks(from: 0, to: 0, bins: 5).count < 20)
        let huge = TickLocator().ticks(from: -1e300, to: 1e300, bins: 9)
        #expect(huge.count >= 2 && huge.count < 20)
        #expect(TickLocator().ticks(from: 0, to: 1000 * Double.leastNonzeroMagnitude, bins: 9).count < TickLocator.tickCeiling)
    }

    @Test func labelsShareDecimalsAndUseTheMinusSign() {
        #expect(TickFormatter.labels(for: [-2, -1, 0, 1, 2]) == ["\u{2212}2", "\u{2212}1", "0", "1", "2"])
        #expect(TickFormatter.labels(for: [0, 0.5, 1, 1.5, 2]) == ["0.0", "0.5", "1.0", "1.5", "2.0"])
        #expect(TickFormatter.labels(for: [0, 0.2, 0.4, 0.6000000000000001, 0.8, 1]) == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        #expect(TickFormatter.labels(for: [0, 0.25, 0.5]) == ["0.00", "0.25", "0.50"])
        #expect(TickFormatter.labels(for: [0, 20, 40, 60]) == ["0", "20", "40", "60"])
        #expect(TickFormatter.labels(for: [-0.5, -0.0, 0.5]) == ["\u{2212}0.5", "0.0", "0.5"])
        #expect(TickFormatter.labels(for: [5]) == ["5"])
    }
}
