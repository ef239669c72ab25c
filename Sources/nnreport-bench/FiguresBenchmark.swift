import CairoBackend
import Foundation
import Plotting

/// Prints the Figures benchmark: render and PNG-encode time of a representative 1200x1800 device-pixel figure,
/// PNG sizes for several libpng settings, and the SVG size.
///
/// The scene stands in for the notebook's figures until the Plotting object model draws them: a digit
/// image, 64 bars against a reference line, a 200-point curve, grid lines and tick labels.
func benchmarkFigures() {
    do {
        try runFiguresBenchmark()
    } catch {
        print("figures: failed: \(error)")
    }
}

// MARK: - Measurement

private func runFiguresBenchmark() throws {
    let size = Size(width: 600, height: 900)  // 6x9 inches at 100 dpi: 1200x1800 device pixels at 2x
    let runs = 15

    var canvas = try CairoCanvas(size: size)
    let renderMS = try median(runs) {
        canvas = try CairoCanvas(size: size)
        drawBenchmarkScene(on: canvas)
    }
    var image = try canvas.makeImage()
    let readbackMS = try median(runs) { image = try canvas.makeImage() }
    print("figures: scene \(canvas.pixelWidth)x\(canvas.pixelHeight) device px; render \(format(renderMS)) ms, "
        + "RGBA read-back \(format(readbackMS)) ms (medians of \(runs))")

    let settings: [PNGEncoder.Settings] = [
        .libpngDefault,
        .init(compressionLevel: 1, filter: .none, strategy: .default),
        .init(compressionLevel: 1, filter: .sub, strategy: .filtered),
        .init(compressionLevel: 1, filter: .up, strategy: .filtered),
        .init(compressionLevel: 1, filter: .up, strategy: .default),
        .init(compressionLevel: 2, filter: .up, strategy: .filtered),
        .init(compressionLevel: 3, filter: .up, strategy: .filtered),
        .init(compressionLevel: 4, filter: .up, strategy: .filtered),
        .init(compressionLevel: 6, filter: .up, strategy: .filtered),
        .init(compressionLevel: 1, filter: [.sub, .up], strategy: .filtered),
        .init(compressionLevel: 1, filter: .all, strategy: .filtered),
        .init(compressionLevel: 3, filter: .paeth, strategy: .filtered),
        .init(compressionLevel: 1, filter: .paeth, strategy: .filtered),
        .init(compressionLevel: 3, filter: .sub, strategy: .filtered),
        .init(compressionLevel: 6, filter: .sub, strategy: .filtered),
        .init(compressionLevel: 6, filter: .none, strategy: .rle),
        .init(compressionLevel: 1, filter: .sub, strategy: .rle),
        .init(compressionLevel: 6, filter: .sub, strategy: .rle),
        .init(compressionLevel: 9, filter: .sub, strategy: .rle),
        .init(compressionLevel: 6, filter: .up, strategy: .rle),
        .init(compressionLevel: 6, filter: .paeth, strategy: .rle),
        .init(compressionLevel: 6, filter: .all, strategy: .rle),
    ]
    print("figures: PNG encode from the surface (median of \(runs)):")
    for setting in settings {
        var bytes: [UInt8] = []
        let ms = try median(runs) { bytes = try canvas.pngData(settings: setting) }
        let chosen = setting == .figures ? "  <- PNGEncoder.Settings.figures" : setting == .compact ? "  <- .compact" : ""
        print("  \(setting.description.padding(toLength: 26, withPad: " ", startingAt: 0)) \(format(ms).leftPadded(7)) ms  \(String(bytes.count).leftPadded(8)) bytes\(chosen)")
    }

    let totalMS = try median(runs) {
        let fresh = try CairoCanvas(size: size)
        drawBenchmarkScene(on: fresh)
        _ = try fresh.pngData()
    }
    print("figures: render + encode with the figures settings: \(format(totalMS)) ms")

    let decodeBytes = try PNGEncoder.encode(image)
    let decodeMS = try median(runs) { _ = try PNGDecoder.decode(decodeBytes) }
    let compareMS = median(runs) { _ = ImageComparison.compare(actual: image, expected: image) }
    var modified = image
    modified.pixels[4 * (900 * 1200 + 600)] ^= 0xFF
    let compareDiffMS = median(runs) { _ = ImageComparison.compare(actual: modified, expected: image) }
    print("figures: PNG decode \(format(decodeMS)) ms; compare identical \(format(compareMS)) ms, differing \(format(compareDiffMS)) ms (with diff image)")

    var svgBytes = 0
    let svgMS = try median(runs) {
        let svg = try SVGCanvas(size: size)
        drawBenchmarkScene(on: svg)
        svgBytes = try svg.svgData().count
    }
    print("figures: SVG render + write \(format(svgMS)) ms, \(svgBytes) bytes")
}

/// The median wall time of `runs` runs of `body`, in milliseconds.
private func median(_ runs: Int, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return times.sorted()[runs / 2]
}

private func format(_ ms: Double) -> String { String(format: "%.1f", ms) }

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

// MARK: - Scene

/// Three stacked panels of a 600x900 figure: a digit, 64 softmax row sums against y = 1, and a ReLU curve.
private func drawBenchmarkScene(on canvas: Canvas) {
    let text = Color(hex: 0x262626), grid = Color(hex: 0xCCCCCC), blue = Color(hex: 0x4C72B0), orange = Color(hex: 0xDD8452)
    let tickFont = Font(size: 11), titleFont = Font(size: 14, weight: .bold)

    // Panel 1: a 28x28 grayscale digit-like ring, nearest-neighbour.
    var digit = [UInt8](repeating: 255, count: 28 * 28 * 4)
    for y in 0..<28 {
        for x in 0..<28 {
            let d = ((Double(x) - 13.5) * (Double(x) - 13.5) + (Double(y) - 11) * (Double(y) - 11)).squareRoot()
            let v = UInt8(max(0, min(255, 255 - abs(d - 7) * 80)))
            let i = (y * 28 + x) * 4
            digit[i] = v; digit[i + 1] = v; digit[i + 2] = v
        }
    }
    canvas.drawText("Label: 7", at: Point(x: 260, y: 30), font: titleFont, color: text, rotation: 0)
    canvas.drawImage(RGBAImage(width: 28, height: 28, pixels: digit), in: Rect(x: 190, y: 45, width: 220, height: 220), interpolation: .nearest)

    // Panel 2: 64 bars of row sums near 1 with a reference line, grid and tick labels.
    let plot = Rect(x: 70, y: 320, width: 500, height: 250)
    func gridAndTicks(_ plot: Rect, yLabels: [String]) {
        for (i, label) in yLabels.enumerated() {
            let y = plot.maxY - plot.height * Double(i) / Double(yLabels.count - 1)
            canvas.strokePolyline([Point(x: plot.minX, y: y), Point(x: plot.maxX, y: y)], style: StrokeStyle(color: grid, width: 0.8))
            let m = canvas.measureText(label, font: tickFont)
            canvas.drawText(label, at: Point(x: plot.minX - 6 - m.width, y: y + (m.ascent - m.descent) / 2), font: tickFont, color: text, rotation: 0)
        }
    }
    gridAndTicks(plot, yLabels: ["0.999990", "0.999995", "1.000000", "1.000005", "1.000010"])
    canvas.drawText("Softmax row sums", at: Point(x: 250, y: plot.minY - 12), font: titleFont, color: text, rotation: 0)
    canvas.drawText("sum", at: Point(x: 14, y: (plot.minY + plot.height / 2) + 10), font: tickFont, color: text, rotation: .pi / 2)
    let slot = plot.width / 64
    for row in 0..<64 {
        let deviation = sin(Double(row) * 1.7) * 4e-6
        let height = plot.height * (0.5 + deviation / 2e-5)
        canvas.fillRect(Rect(x: plot.minX + Double(row) * slot + 0.5, y: plot.maxY - height, width: slot - 1, height: height), color: blue)
    }
    canvas.strokePolyline([Point(x: plot.minX, y: (plot.minY + plot.height / 2)), Point(x: plot.maxX, y: (plot.minY + plot.height / 2))],
                          style: StrokeStyle(color: orange, width: 1.5, dash: [6, 3]))

    // Panel 3: a 200-point ReLU curve with its grid.
    let curve = Rect(x: 70, y: 630, width: 500, height: 230)
    gridAndTicks(curve, yLabels: ["0.0", "0.5", "1.0", "1.5", "2.0"])
    canvas.drawText("Rectified Linear Unit (ReLU)", at: Point(x: 220, y: curve.minY - 12), font: titleFont, color: text, rotation: 0)
    let points = (0..<200).map { i -> Point in
        let x = -2 + 4 * Double(i) / 199
        return Point(x: curve.minX + (x + 2) / 4 * curve.width, y: curve.maxY - max(0, x) / 2 * curve.height)
    }
    canvas.strokePolyline(points, style: StrokeStyle(color: blue, width: 2, cap: .round, join: .round))
    for (i, label) in ["−2", "−1", "0", "1", "2"].enumerated() {
        let x = curve.minX + curve.width * Double(i) / 4
        let w = canvas.measureText(label, font: tickFont).width
        canvas.drawText(label, at: Point(x: x - w / 2, y: curve.maxY + 16), font: tickFont, color: text, rotation: 0)
    }
}
