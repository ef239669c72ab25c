@testable import Plotting
import TestSupport
import Testing

/// Tight layout: measured text stays inside the figure and subplots keep apart.
struct LayoutTests {
    /// Every drawn text box lies within the figure.
    func expectTextInside(_ figure: Figure, _ canvas: RecordingCanvas, sourceLocation: SourceLocation = #_sourceLocation) {
        let size = figure.pixelSize
        for text in canvas.texts {
            let b = canvas.bounds(of: text)
            #expect(b.minX >= -1e-9 && b.minY >= -1e-9 && b.maxX <= size.width + 1e-9 && b.maxY <= size.height + 1e-9,
                    "\(text.text) at \(b) leaves the \(size.width)x\(size.height) figure", sourceLocation: sourceLocation)
        }
    }

    @Test func crowdedGridKeepsTextInsideAndApart() throws {
        let figure = try Figure(width: 6, height: 4)
        figure.suptitle = "A figure title"
        let grid = try figure.subplots(rows: 2, cols: 2)
        for (i, axes) in grid.enumerated() {
            try axes.plot(x: [-1000.0, 5000], y: [-0.001, Double(i) * 0.002])
            axes.title("Panel number \(i)")
            axes.xlabel("a long horizontal axis label")
            axes.ylabel("vertical label")
        }
        let canvas = RecordingCanvas(for: figure)
        figure.draw(on: canvas)
        expectTextInside(figure, canvas)
        let layout = figure.layout(on: canvas)
        for a in layout.axes {
            for b in layout.axes where a.axes !== b.axes {
                #expect(!a.decorations.bounds.overlaps(b.decorations.bounds), "\(a.decorations.bounds) overlaps \(b.decorations.bounds)")
            }
        }
        // The suptitle sits above every axes' decorations.
        let suptitle = try #require(layout.suptitle)
        #expect(layout.axes.allSatisfy { $0.decorations.bounds.minY >= suptitle.bounds.maxY })
    }

    @Test func marginIsTheMatplotlibPad() throws {
        let figure = try Figure(width: 5, height: 4)
        let axes = try figure.subplots(rows: 1, cols: 1)[0]
        try axes.plot(x: [0.0, 1], y: [0.0, 1])
        let canvas = RecordingCanvas(for: figure)
        let layout = figure.layout(on: canvas)
        // pad = 1.08 × 12 pt = 12.96 pt = 18 px at 100 dpi; the decorations touch it on all four sides.
        let pad = 1.08 * 12 * 100 / 72
        let bounds = layout.axes[0].decorations.bounds
        #expect(abs(bounds.minX - pad) < 0.05)
        #expect(abs(bounds.maxY - (400 - pad)) < 0.05)
        #expect(abs(bounds.maxX - (500 - pad)) < 0.05)
        #expect(abs(bounds.minY - pad) < 0.05)
    }

    @Test func tickLabelsCenterOnTicksAndFollowTheTheme() throws {
        let figure = try Figure(width: 6, height: 4, theme: Theme(fontScale: 2))
        let axes = try figure.subplots(rows: 1, cols: 1)[0]
        try axes.plot(x: [-2.0, 2], y: [0.0, 2])
        let canvas = RecordingCanvas(for: figure)
        figure.draw(on: canvas)
        let layout = figure.layout(on: canvas)
        let deco = layout.axes[0].decorations
        #expect(deco.xTickLabels.map(\.text) == ["\u{2212}2", "\u{2212}1", "0", "1", "2"])
        for (label, tick) in zip(deco.xTickLabels, deco.xTicks) {
            #expect(abs(label.bounds.midX - tick.position) < 1e-9)
            // 11 pt × font scale 2 at 100 dpi.
            #expect(abs(label.font.size - 22 * 100 / 72) < 1e-9)
        }
        // whitegrid: grid lines at every visible tick, in #CCCCCC, 1 pt wide.
        let gridLines = canvas.polylines(TestColors.grid).filter { $0.points.count == 2 }
        #expect(gridLines.count == deco.xTicks.count + deco.yTicks.count)
        #expect(gridLines.allSatisfy { abs($0.style.width - 100.0 / 72) < 1e-9 })
        // The grid is drawn before the data line.
        let firstGrid = canvas.primitives.firstIndex { if case let .polyline(_, s) = $0 { return s.color == TestColors.grid } else { return false } }
        let firstLine = canvas.primitives.firstIndex { if case let .polyline(_, s) = $0 { return s.color == TestColors.blue } else { return false } }
        #expect(try #require(firstGrid) < (try #require(firstLine)))
    }

    @Test func collidingTickLabelsShrink() throws {
        let figure = try Figure(width: 3, height: 1.5)
        let axes = try figure.subplots(rows: 1, cols: 1)[0]
        try axes.barh(y: Array(0..<10).map(Double.init), width: [Double](repeating: 0.1, count: 10))
        try axes.setYTicks(Array(0..<10).map(Double.init), labels: (0..<10).map { "class \($0)" })
        let canvas = RecordingCanvas(for: figure)
        let deco = figure.layout(on: canvas).axes[0].decorations
        let labels = deco.yTickLabels
        #expect(labels.count == 10)
        #expect(labels[0].font.size < 11 * 100 / 72)
        for i in 1..<labels.count where labels[0].font.size > 11 * 100 / 72 * Axes.minimumTickLabelShrink {
            #expect(!labels[i].bounds.overlaps(labels[i - 1].bounds))
        }
    }

    @Test func wideTitleTakesOnlyTheRoomItLacks() throws {
        let figure = try Figure(width: 6, height: 3)
        let grid = try figure.subplots(rows: 1, cols: 2)
        for axes in grid { try axes.plot(x: [0.0, 1], y: [0.0, 1]) }
        grid[0].title("A rather long title above a narrow panel")
        let canvas = RecordingCanvas(for: figure)
        let layout = figure.layout(on: canvas)
        let title = try #require(layout.axes[0].decorations.title)
        // 40 characters at 12 pt: 0.6 × 16.67 × 40 = 400 px of a 600 px figure, kept inside it and off the neighbour.
        #expect(abs(title.bounds.width - 400) < 1e-9)
        #expect(title.bounds.minX >= 0)
        #expect(title.bounds.maxX <= layout.axes[1].decorations.bounds.minX)
        // Equal columns stay equal and keep real boxes: only the room the 400 px title lacks beyond the
        // 546 px of cells, gaps and labels is reserved, instead of its whole overhang on both sides.
        #expect(abs(layout.axes[0].box.width - layout.axes[1].box.width) < 0.5)
        #expect(layout.axes[0].box.width > 100)
    }
}
