@testable import Plotting
import TestSupport
import Testing

/// Autoscaling (5% margins, sticky edges), explicit limits and the aspect box.
struct AxesLimitTests {
    func singleAxes() throws -> (Figure, Axes) {
        let figure = try Figure(width: 6, height: 4)
        return (figure, try figure.subplots(rows: 1, cols: 1)[0])
    }

    func expectClose(_ a: (Double, Double), _ b: (Double, Double), tolerance: Double = 1e-12) {
        #expect(abs(a.0 - b.0) <= tolerance && abs(a.1 - b.1) <= tolerance, "\(a) vs \(b)")
    }

    @Test func linesGetFivePercentMargins() throws {
        let (_, axes) = try singleAxes()
        let x = (0..<200).map { -2 + 4 * Double($0) / 199 }
        try axes.plot(x: x, y: x.map { max(0, $0) })
        let limits = axes.viewLimits()
        expectClose(limits.x, (-2.2, 2.2))
        expectClose(limits.y, (-0.1, 2.1))
    }

    @Test func barsStickToTheirBaseline() throws {
        let (_, axes) = try singleAxes()
        try axes.bar(x: [0.0, 1, 2], height: [1.0, 2, 3])
        let limits = axes.viewLimits()
        expectClose(limits.y, (0, 3.15))
        expectClose(limits.x, (-0.54, 2.54))
        let (_, sideways) = try singleAxes()
        try sideways.barh(y: [0.0, 1], width: [0.5, 1.0])
        expectClose(sideways.viewLimits().x, (0, 1.05))
    }

    @Test func negativeBarsGetMarginsOnBothSides() throws {
        let (_, axes) = try singleAxes()
        try axes.bar(x: [0.0, 1], height: [-1.0, 2])
        expectClose(axes.viewLimits().y, (-1.15, 2.15))
    }

    @Test func imagesFillTheirExtentWithYDownward() throws {
        let (_, axes) = try singleAxes()
        try axes.imshow([Float](repeating: 0, count: 6), rows: 2, cols: 3)
        let limits = axes.viewLimits()
        expectClose(limits.x, (-0.5, 2.5))
        expectClose(limits.y, (1.5, -0.5))
    }

    @Test func explicitLimitsWinAndSingularOnesWiden() throws {
        let (_, axes) = try singleAxes()
        try axes.plot(x: [0.0, 1], y: [0.0, 1])
        try axes.setXLim(0, 1.1)
        try axes.setYLim(5, 5)
        let limits = axes.viewLimits()
        expectClose(limits.x, (0, 1.1))
        expectClose(limits.y, (4.75, 5.25))
        let (_, empty) = try singleAxes()
        expectClose(empty.viewLimits().x, (0, 1))
    }

    @Test func aspectShrinksTheBoxCentred() throws {
        let (_, axes) = try singleAxes()
        try axes.barh(y: [0.0, 1], width: [0.5, 1])
        try axes.setXLim(0, 1.1)
        try axes.setYLim(-0.5, 1.5)
        try axes.setAspect(0.1)
        let cell = Rect(x: 0, y: 0, width: 400, height: 300)
        let box = axes.box(in: cell, limits: axes.viewLimits())
        // height / width = 0.1 · 2 / 1.1 → a wide, flat box filling the width.
        #expect(abs(box.width - 400) < 1e-9)
        #expect(abs(box.height - 400 * 0.2 / 1.1) < 1e-9)
        #expect(abs(box.midY - 150) < 1e-9)
    }

    @Test func stemsAndReferenceLinesAreDrawn() throws {
        let (figure, axes) = try singleAxes()
        try axes.stem(x: [0.0, 1, 2], y: [1.0, 1.5, 0.5], baseline: 1)
        try axes.axhline(y: 1, dashed: true)
        try axes.axvline(x: 1)
        let canvas = RecordingCanvas(for: figure)
        figure.draw(on: canvas)
        #expect(canvas.polygons(TestColors.blue).count == 3)
        let dashed = canvas.polylines(TestColors.text).filter { !$0.style.dash.isEmpty }
        #expect(dashed.count == 1)
        #expect(abs(dashed[0].points[0].x - axes.box.minX) < 1e-9 && abs(dashed[0].points[1].x - axes.box.maxX) < 1e-9)
    }
}
