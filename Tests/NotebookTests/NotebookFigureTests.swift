import Notebook
@testable import Plotting
import TestSupport
import Testing

/// The four figures of the lesson build, draw the expected primitives and describe their data.
struct NotebookFigureTests {
    /// A synthetic "1": a bright vertical stroke on a dark background, values in [-1, 1].
    static let digitPixels: [Float] = (0..<784).map { i in (i % 28 == 14 && i / 28 > 4 && i / 28 < 24) ? 1 : -1 }

    func draw(_ figure: Figure) -> RecordingCanvas {
        let canvas = RecordingCanvas(for: figure)
        figure.draw(on: canvas)
        return canvas
    }

    func expectTextInside(_ figure: Figure, _ canvas: RecordingCanvas) {
        for text in canvas.texts {
            let b = canvas.bounds(of: text)
            #expect(b.minX >= 0 && b.minY >= 0 && b.maxX <= figure.pixelSize.width && b.maxY <= figure.pixelSize.height,
                    "\(text.text) at \(b) is clipped")
        }
    }

    @Test func digitIsWhiteOnBlackWithItsLabel() throws {
        let result = try digitFigure(pixels: Self.digitPixels, label: "5")
        let canvas = draw(result.figure)
        let image = try #require(canvas.images.first)
        #expect(canvas.images.count == 1)
        #expect(image.image.width == 28 && image.image.height == 28)
        #expect(image.interpolation == .nearest)
        #expect(abs(image.rect.width - image.rect.height) < 1e-9)
        // Pixel (0, 0) is background (-1 → black), pixel (10, 14) is the stroke (1 → white).
        #expect(Array(image.image.pixels[0..<4]) == [0, 0, 0, 255])
        let stroke = (10 * 28 + 14) * 4
        #expect(Array(image.image.pixels[stroke..<stroke + 4]) == [255, 255, 255, 255])
        #expect(canvas.strings.contains("5"))
        // No grid line crosses the digit: the only #CCCCCC stroke is the spine rectangle.
        #expect(canvas.polylines(TestColors.grid).allSatisfy { $0.points.count == 5 })
        #expect(canvas.strings.contains("0") && canvas.strings.contains("20"))
        expectTextInside(result.figure, canvas)
        #expect(result.altText == "A 28 by 28 pixel image of a handwritten digit labelled 5, white on black; "
            + "19 of 784 pixels are bright (values from -1 to 1).")
    }

    @Test func digitAltTextNamesTheSubject() throws {
        let result = try digitFigure(pixels: Self.digitPixels, label: "Sandal", subject: "piece of clothing")
        #expect(result.altText == "A 28 by 28 pixel image of a piece of clothing labelled Sandal, white on black; "
            + "19 of 784 pixels are bright (values from -1 to 1).")
    }

    @Test func activationsShowThreeCurves() throws {
        let result = try activationFigure()
        let canvas = draw(result.figure)
        #expect(result.figure.axes.count == 3)
        let relu = canvas.polylines(TestColors.blue).filter { $0.points.count == 200 }
        #expect(relu.count == 1)
        #expect(canvas.polylines(Color(hex: 0xDD8452)).filter { $0.points.count == 200 }.count == 1)
        #expect(canvas.polylines(Color(hex: 0x55A868)).filter { $0.points.count == 200 }.count == 1)
        let title = try #require(canvas.texts.first { $0.text == "Rectified Linear Unit (ReLU)" })
        #expect(title.font.weight == .bold)
        #expect(abs(relu[0].style.width - 1.5 * 100 / 72) < 1e-9)
        // ReLU's x axis: −2 … 2 with 5% margins.
        let limits = result.figure.axes[0].viewLimits()
        #expect(abs(limits.x.0 + 2.2) < 1e-9 && abs(limits.x.1 - 2.2) < 1e-9)
        expectTextInside(result.figure, canvas)
        let layout = result.figure.layout(on: canvas)
        for i in 1..<layout.axes.count {
            #expect(layout.axes[i - 1].decorations.bounds.maxX <= layout.axes[i].decorations.bounds.minX)
        }
        #expect(result.altText.hasPrefix("Three line plots of activation functions for x from -2 to 2 (200 points each)"))
        #expect(result.altText.contains("sigmoid rises smoothly from 0.12 to 0.88"))
    }

    @Test func softmaxSumsMakeTinyDeviationsVisible() throws {
        var sums = [Float](repeating: 1, count: 64)
        sums[17] = 1.0000001
        sums[40] = 0.99999994
        let result = try softmaxSumsFigure(sums: sums)
        let canvas = draw(result.figure)
        // 64 markers (+1 in the legend) and 64 stems in the palette blue; a dashed reference line in red (+1 in the legend).
        #expect(canvas.polygons(TestColors.blue).count == 65)
        #expect(canvas.polylines(TestColors.blue).count == 64)
        #expect(canvas.polylines(Color(hex: 0xC44E52)).filter { !$0.style.dash.isEmpty }.count == 2)
        #expect(canvas.strings.contains("exactly 1") && canvas.strings.contains("row sum"))
        let axes = result.figure.axes[0]
        let limits = axes.viewLimits()
        // Centred on 1, half span max(1e-6, 1.2 × 1.19e-7) = 1e-6.
        #expect(abs(limits.y.0 - (1 - 1e-6)) < 1e-15 && abs(limits.y.1 - (1 + 1e-6)) < 1e-15)
        // The deviating row's marker sits visibly off the line: more than 5 px above it.
        let box = axes.box
        let lineY = box.maxY - 0.5 * box.height
        let marker17 = canvas.polygons(TestColors.blue)[17]
        let centerY = marker17.map(\.y).reduce(0, +) / Double(marker17.count)
        #expect(lineY - centerY > 5)
        #expect(canvas.strings.contains("1.0000000"))
        expectTextInside(result.figure, canvas)
        let caption = try #require(result.caption)
        #expect(caption.contains("1 ± 1e-06") && caption.contains("(row 17)"))
        #expect(result.altText.contains("within 1.2e-07 of 1"))
    }

    @Test func classificationDrawsTenProportionalBars() throws {
        let probabilities: [Float] = [0.01, 0.02, 0.05, 0.03, 0.01, 0.02, 0.04, 0.7, 0.1, 0.02]
        let result = try classificationFigure(pixels: Self.digitPixels, probabilities: probabilities)
        let canvas = draw(result.figure)
        let bars = canvas.rects(TestColors.blue)
        #expect(bars.count == 10)
        let perUnit = bars[7].width / Double(probabilities[7])
        for (bar, p) in zip(bars, probabilities) {
            #expect(abs(bar.width - perUnit * Double(p)) < 1e-3)
        }
        // Bars start at x = 0, the left spine.
        let barAxes = result.figure.axes[1]
        #expect(bars.allSatisfy { abs($0.minX - barAxes.box.minX) < 1e-9 })
        // The x axis runs 0 … 1.1: 1.1 units span the box.
        #expect(abs(perUnit * 1.1 - barAxes.box.width) < 1e-6)
        let image = try #require(canvas.images.first)
        #expect(image.image.width == 28 && image.image.height == 28 && image.interpolation == .nearest)
        #expect(canvas.strings.contains("Class Probability"))
        for digit in 0...9 { #expect(canvas.strings.contains(String(digit))) }
        // The image axes is off: no tick labels beside it, so the only texts left of the bar box are the y labels.
        let yLabels = canvas.texts.filter { canvas.bounds(of: $0).maxX <= barAxes.box.minX }
        #expect(yLabels.map(\.text) == (0...9).map(String.init))
        expectTextInside(result.figure, canvas)
        #expect(result.altText.hasSuffix("highest: 7 at 0.7, next: 8 at 0.1."))
    }

    @Test func classNamesReplaceDigitsWithoutCollisions() throws {
        let names = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle Boot"]
        let probabilities: [Float] = [0.1, 0.05, 0.05, 0.1, 0.1, 0.05, 0.4, 0.05, 0.05, 0.05]
        let result = try classificationFigure(pixels: Self.digitPixels, probabilities: probabilities, classNames: names)
        let canvas = draw(result.figure)
        let labels = canvas.texts.filter { names.contains($0.text) }
        #expect(labels.count == 10)
        let boxes = labels.map { canvas.bounds(of: $0) }
        for i in 0..<boxes.count {
            for j in (i + 1)..<boxes.count { #expect(!boxes[i].overlaps(boxes[j])) }
        }
        expectTextInside(result.figure, canvas)
        // The two panels do not overlap.
        let layout = result.figure.layout(on: canvas)
        #expect(!layout.axes[0].decorations.bounds.overlaps(layout.axes[1].decorations.bounds))
        #expect(result.altText.hasSuffix("highest: Shirt at 0.4, next: T-shirt/top at 0.1."))
    }

    // The builders are sized for font scales up to 1.5; beyond that the figures need more room than a 760 px column.
    @Test(arguments: [1.0, 1.25, 1.5])
    func everyFigureFitsAtLargerFontScales(scale: Double) throws {
        let theme = Theme(fontScale: scale)
        let figures = [
            try digitFigure(pixels: Self.digitPixels, label: "3", theme: theme),
            try activationFigure(theme: theme),
            try softmaxSumsFigure(sums: [Float](repeating: 1, count: 64), theme: theme),
            try classificationFigure(pixels: Self.digitPixels, probabilities: [Float](repeating: 0.1, count: 10), theme: theme),
        ]
        for result in figures {
            let canvas = draw(result.figure)
            expectTextInside(result.figure, canvas)
            let layout = result.figure.layout(on: canvas)
            for (i, a) in layout.axes.enumerated() {
                for b in layout.axes[(i + 1)...] { #expect(!a.decorations.bounds.overlaps(b.decorations.bounds)) }
                // Tick labels of one axis never collide.
                for labels in [a.decorations.xTickLabels, a.decorations.yTickLabels] where labels.count > 1 {
                    for k in 1..<labels.count { #expect(!labels[k].bounds.overlaps(labels[k - 1].bounds)) }
                }
            }
        }
    }

    @Test func badDataIsRejected() {
        #expect(throws: PlottingError.self) { try softmaxSumsFigure(sums: [1, .nan]) }  // NaN: the case is not equal to itself
        #expect(throws: PlottingError.emptyData(what: "softmax sums")) { try softmaxSumsFigure(sums: []) }
        #expect(throws: PlottingError.lengthMismatch(what: "digit pixels", expected: 784, actual: 2)) { try digitFigure(pixels: [0, 1], label: "x") }
        #expect(throws: PlottingError.lengthMismatch(what: "class names", expected: 2, actual: 1)) {
            try classificationFigure(pixels: [Float](repeating: 0, count: 784), probabilities: [0.5, 0.5], classNames: ["a"])
        }
    }
}
