@testable import Plotting
import TestSupport
import Testing

/// Bad input gives a typed, one-line error; degenerate but legal input still draws.
struct BadInputTests {
    func axes() throws -> Axes { try Figure(width: 4, height: 3).subplots(rows: 1, cols: 1)[0] }

    @Test func figureSizeMustBePositiveAndFinite() {
        #expect(throws: PlottingError.invalidFigureSize(width: 0, height: 3, dpi: 100)) { try Figure(width: 0, height: 3) }
        #expect(throws: PlottingError.self) { try Figure(width: 4, height: -1) }
        #expect(throws: PlottingError.self) { try Figure(width: .infinity, height: 3) }
        #expect(throws: PlottingError.self) { try Figure(width: 4, height: 3, dpi: .nan) }
        #expect(throws: PlottingError.self) { try Figure(width: 4, height: 3, theme: Theme(fontScale: 0)) }
    }

    @Test func nonFiniteDataIsRejectedWithItsIndex() throws {
        let ax = try axes()
        #expect(throws: PlottingError.nonFiniteValue(what: "plot second series", index: 2, value: .infinity)) {
            try ax.plot(x: [0.0, 1, 2], y: [0.0, 1, .infinity])
        }
        #expect(throws: PlottingError.self) { try ax.bar(x: [0.0], height: [Double.nan]) }
        #expect(throws: PlottingError.self) { try ax.imshow([0, .nan, 0, 0], rows: 2, cols: 2) }
        #expect(throws: PlottingError.self) { try ax.setXLim(0, .infinity) }
        #expect(throws: PlottingError.self) { try ax.axhline(y: .nan) }
        #expect(ax.artists.isEmpty)
    }

    @Test func emptyAndMismatchedDataAreRejected() throws {
        let ax = try axes()
        #expect(throws: PlottingError.emptyData(what: "plot first series")) { try ax.plot(x: [Double](), y: [Double]()) }
        #expect(throws: PlottingError.lengthMismatch(what: "barh second series (first has 3)", expected: 3, actual: 2)) {
            try ax.barh(y: [0.0, 1, 2], width: [0.5, 0.5])
        }
        #expect(throws: PlottingError.self) { try ax.imshow([0, 1, 2], rows: 2, cols: 2) }
        #expect(throws: PlottingError.self) { try ax.setYTicks([0, 1], labels: ["a"]) }
        #expect(throws: PlottingError.self) { try ax.bar(x: [0.0], height: [1.0], width: 0) }
        #expect(throws: PlottingError.self) { try ax.setAspect(-1) }
        let figure = try Figure(width: 4, height: 3)
        #expect(throws: PlottingError.self) { try figure.subplots(rows: 0, cols: 2) }
        #expect(throws: PlottingError.self) { try figure.subplots(rows: 1, cols: 2, widthRatios: [1]) }
    }

    @Test func errorsReadAsOneLine() {
        let errors: [PlottingError] = [
            .nonFiniteValue(what: "plot y", index: 3, value: .nan), .emptyData(what: "bar heights"),
            .lengthMismatch(what: "class names", expected: 10, actual: 9),
            .invalidFigureSize(width: 0, height: 1, dpi: 100), .invalidGrid("0x2"), .invalidArgument(what: "aspect", reason: "-1"),
        ]
        for error in errors {
            #expect(!error.description.contains("\n"))
            #expect(error.description.hasPrefix("Plotting: "))
            #expect(error.errorDescription == error.description)
        }
        #expect(PlottingError.nonFiniteValue(what: "plot y", index: 3, value: .nan).description
            == "Plotting: plot y[3] is nan; values must be finite")
    }

    @Test func degenerateButLegalInputStillDraws() throws {
        // A flat line, an empty axes, a single point and a figure too small for its labels: all draw, none hang.
        let figure = try Figure(width: 0.3, height: 0.2)
        let grid = try figure.subplots(rows: 1, cols: 3)
        try grid[0].plot(x: [1.0, 2], y: [5.0, 5])
        try grid[2].plot(x: [1.0], y: [1.0])
        grid[1].title("nothing here")
        let canvas = RecordingCanvas(for: figure)
        figure.draw(on: canvas)
        #expect(grid.allSatisfy { $0.box.width > 0 && $0.box.height > 0 })
        // nonsingular widens 5…5 to 4.75…5.25, then the 5% margin adds 0.025 (as matplotlib).
        #expect(abs(grid[0].viewLimits().y.0 - 4.725) < 1e-9)
        #expect(!canvas.polygons(TestColors.blue).isEmpty || !canvas.polylines(TestColors.blue).isEmpty)
        #expect(canvas.strings.contains("nothing here"))
    }

    @Test func extremeMagnitudesDrawFiniteCoordinates() throws {
        let figure = try Figure(width: 4, height: 3)
        let axes = try figure.subplots(rows: 1, cols: 1)[0]
        try axes.plot(x: [-1e308, 1e308], y: [1.7e308, -1.7e308])
        let canvas = RecordingCanvas(for: figure)
        figure.draw(on: canvas)
        for case let .polyline(points, _) in canvas.primitives {
            #expect(points.allSatisfy { $0.x.isFinite && $0.y.isFinite })
        }
        #expect(throws: PlottingError.self) {
            try axes.imshow([0, 1], rows: Int.max, cols: Int.max)
        }
        #expect(throws: PlottingError.self) { try Figure(width: 1, height: 1).subplots(rows: Int.max, cols: 2) }
    }
}
