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
}
