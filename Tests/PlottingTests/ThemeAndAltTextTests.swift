@testable import Plotting
import TestSupport
import Testing

/// seaborn's numbers, z-order and the alt-text helpers.
struct ThemeAndAltTextTests {
    @Test func notebookContextSizesScaleOnlyFonts() {
        let theme = Theme(fontScale: 2)
        #expect(theme.fontSize == 24 && theme.labelSize == 24 && theme.titleSize == 24)
        #expect(theme.tickLabelSize == 22 && theme.legendSize == 22)
        #expect(theme.lineWidth == 1.5 && theme.axesLineWidth == 1.25 && theme.gridLineWidth == 1 && theme.patchLineWidth == 1)
        #expect(theme.palette.prefix(4) == [Color(hex: 0x4C72B0), Color(hex: 0xDD8452), Color(hex: 0x55A868), Color(hex: 0xC44E52)])
        #expect(theme.color(10) == theme.color(0))
    }

    @Test func figureDrawsBackgroundThenArtistsByZOrder() throws {
        let figure = try Figure(width: 4, height: 3)
        let axes = try figure.subplots(rows: 1, cols: 1)[0]
        try axes.plot(x: [0.0, 1], y: [0.0, 1])
        try axes.imshow([0, 1, 1, 0], rows: 2, cols: 2)
        let canvas = RecordingCanvas(for: figure)
        figure.draw(on: canvas)
        guard case let .rect(background, color) = canvas.primitives.first else { Issue.record("no background"); return }
        #expect(background == Rect(x: 0, y: 0, width: 400, height: 300) && color == .white)
        let imageIndex = try #require(canvas.primitives.firstIndex { if case .image = $0 { return true } else { return false } })
        let lineIndex = try #require(canvas.primitives.firstIndex {
            if case let .polyline(_, style) = $0 { return style.color == TestColors.blue } else { return false }
        })
        #expect(imageIndex < lineIndex)
        // Data is clipped to the box: the artists sit between pushClip(box) and popClip.
        let clip = try #require(canvas.primitives.firstIndex { if case .pushClip = $0 { return true } else { return false } })
        let unclip = try #require(canvas.primitives.firstIndex { if case .popClip = $0 { return true } else { return false } })
        #expect(clip < imageIndex && lineIndex < unclip)
        if case let .pushClip(rect) = canvas.primitives[clip] { #expect(rect == axes.box) }
    }

    @Test func numbersReadNaturally() {
        #expect(AltText.number(0.93) == "0.93")
        #expect(AltText.number(0.7) == "0.7")
        #expect(AltText.number(-2) == "-2")
        #expect(AltText.number(0.11920292) == "0.12")
        #expect(AltText.number(1.1920929e-7) == "1.2e-07")
        #expect(AltText.number(1e-6) == "1e-06")
        #expect(AltText.number(0.99999994, significant: 9) == "0.99999994")
        #expect(AltText.number(0) == "0")
        #expect(AltText.number(.nan) == "NaN")
    }

    @Test func rankingAndLists() {
        #expect(AltText.ranking([0.1, 0.7, 0.1, 0.05]) == [1, 0, 2, 3])
        #expect(AltText.list(["a", "b", "c"]) == "a, b and c")
        #expect(AltText.list(["a"]) == "a")
    }

    @Test func legendListsLabelledArtistsInsideTheBox() throws {
        let figure = try Figure(width: 5, height: 4)
        let axes = try figure.subplots(rows: 1, cols: 1)[0]
        try axes.plot(x: [0.0, 1], y: [0.0, 1], label: "line")
        try axes.bar(x: [0.0], height: [0.5], label: "bars")
        try axes.plot(x: [0.0, 1], y: [1.0, 0])
        let silent = RecordingCanvas(for: figure)
        figure.draw(on: silent)
        #expect(!silent.strings.contains("line"))
        axes.legend(location: .lowerLeft)
        let canvas = RecordingCanvas(for: figure)
        figure.draw(on: canvas)
        let entries = canvas.texts.filter { ["line", "bars"].contains($0.text) }
        #expect(entries.map(\.text) == ["line", "bars"])
        let frame = try #require(canvas.polygons(Color(red: 1, green: 1, blue: 1, alpha: 0.8)).first)
        let box = axes.box
        #expect(frame.allSatisfy { $0.x >= box.minX && $0.x <= box.maxX && $0.y >= box.minY && $0.y <= box.maxY })
        // Lower left: the frame hugs the left and bottom edges by half a legend font size.
        let inset = 0.5 * 11 * 100 / 72
        #expect(abs(frame.map(\.x).min()! - (box.minX + inset)) < 1e-9)
        #expect(abs(frame.map(\.y).max()! - (box.maxY - inset)) < 1e-9)
        for entry in entries {
            let b = canvas.bounds(of: entry)
            #expect(b.minX > frame.map(\.x).min()! && b.maxX < frame.map(\.x).max()!)
        }
    }

    /// Where the legend's frame lands for `location`, with one line drawn through `x`, `y`.
    private func legendFrame(_ location: Axes.LegendLocation, x: [Double], y: [Double]) throws -> (frame: [Point], box: Rect) {
        let figure = try Figure(width: 5, height: 4)
        let axes = try figure.subplots(rows: 1, cols: 1)[0]
        try axes.plot(x: x, y: y, label: "data")
        axes.legend(location: location)
        let canvas = RecordingCanvas(for: figure)
        figure.draw(on: canvas)
        return (try #require(canvas.polygons(Color(red: 1, green: 1, blue: 1, alpha: 0.8)).first), axes.box)
    }

    @Test func theBestLegendSpotIsTheFirstThatHidesTheLeastData() throws {
        // A line falling from the upper left to the lower right crosses the upper-left and lower-right corners:
        // "best" takes the upper right, the first free spot in matplotlib's order.
        let falling = try legendFrame(.best, x: [0, 1], y: [1, 0])
        #expect(falling.frame.map(\.x).max()! > falling.box.midX && falling.frame.map(\.y).min()! < falling.box.midY)
        // A line rising through the upper right: the upper right is taken, so the upper left is free.
        let rising = try legendFrame(.best, x: [0, 0.5, 1], y: [0, 0.5, 1])
        #expect(rising.frame.map(\.x).max()! < rising.box.midX && rising.frame.map(\.y).min()! < rising.box.midY)
        // A line along the top that drops at the right end: the lower left is the first free spot.
        let top = try legendFrame(.best, x: [0, 0.2, 0.8, 1], y: [0.9, 1, 1, 0])
        #expect(top.frame.map(\.x).max()! < top.box.midX && top.frame.map(\.y).max()! > top.box.midY)
        // Centre right sits halfway down.
        let centre = try legendFrame(.centerRight, x: [0, 1], y: [0, 1])
        let middle = (centre.frame.map(\.y).min()! + centre.frame.map(\.y).max()!) / 2
        #expect(abs(middle - centre.box.midY) < 1)
    }

    @Test func segmentsAndRectanglesMeetAsGeometrySays() {
        let square = Rect(x: 0, y: 0, width: 10, height: 10)
        #expect(Axes.segment(Point(x: -5, y: 5), Point(x: 15, y: 5), crosses: square))
        #expect(Axes.segment(Point(x: 2, y: 2), Point(x: 3, y: 3), crosses: square), "wholly inside")
        #expect(!Axes.segment(Point(x: -5, y: -1), Point(x: 15, y: -1), crosses: square))
        #expect(!Axes.segment(Point(x: 11, y: -5), Point(x: 20, y: 4), crosses: square), "passes the corner outside")
        #expect(square.intersects(Rect(x: 9, y: 9, width: 5, height: 5)))
        #expect(!square.intersects(Rect(x: 11, y: 0, width: 5, height: 5)))
        #expect(square.intersects(Rect(x: 5, y: 12, width: 1, height: -4)), "a downward bar")
        #expect(Rect(x: 5, y: 12, width: 1, height: -4).intersects(square))
    }
}
