import CairoBackend
import Foundation
import Plotting

/// A 6x4 inch class-probability bar chart drawn with raw canvas calls, with knobs to break it on purpose.
///
/// It has what a real figure has (title, spines, grid, tick labels, ten bars, a digit image) at the real
/// size (1200x800 device pixels), so the comparison's tolerance is tested where it is used.
struct BarScene {
    var probabilities: [Double] = [0.010, 0.020, 0.050, 0.030, 0.010, 0.020, 0.040, 0.750, 0.040, 0.030]
    var barColors: [Color] = Array(repeating: SceneColor.blue, count: 10)
    var lengthFactors: [Double] = Array(repeating: 1, count: 10)
    var hiddenBars: Set<Int> = []
    /// Offsets of y tick labels, by class index.
    var tickLabelOffsets: [Int: Point] = [:]

    static let size = Size(width: 600, height: 400)
    static let plot = Rect(x: 300, y: 40, width: 280, height: 320)

    /// Draws the scene.
    func draw(on canvas: Canvas) {
        let plot = Self.plot
        let tickFont = Font(size: 12)
        // A digit-like image on the left: a ring of bright pixels on black, nearest-neighbour.
        var digit = [UInt8](repeating: 0, count: 28 * 28 * 4)
        for y in 0..<28 {
            for x in 0..<28 {
                let d = ((Double(x) - 13.5) * (Double(x) - 13.5) + (Double(y) - 13.5) * (Double(y) - 13.5)).squareRoot()
                let v = UInt8(max(0, min(255, 255 - abs(d - 8) * 90)))
                let i = (y * 28 + x) * 4
                digit[i] = v; digit[i + 1] = v; digit[i + 2] = v; digit[i + 3] = 255
            }
        }
        canvas.drawImage(RGBAImage(width: 28, height: 28, pixels: digit), in: Rect(x: 20, y: 60, width: 224, height: 224),
                         interpolation: .nearest)
        // Grid at x = 0, 0.2, ..., 1.0 of an axis from 0 to 1.1.
        for step in 0...5 {
            let x = plot.x + plot.width * Double(step) * 0.2 / 1.1
            canvas.strokePolyline([Point(x: x, y: plot.minY), Point(x: x, y: plot.maxY)], style: StrokeStyle(color: SceneColor.grid, width: 1))
            let label = String(format: "%.1f", Double(step) * 0.2)
            let width = canvas.measureText(label, font: tickFont).width
            canvas.drawText(label, at: Point(x: x - width / 2, y: plot.maxY + 18), font: tickFont, color: SceneColor.text, rotation: 0)
        }
        // Bars, one per class, top to bottom 0...9.
        let slot = plot.height / 10
        for index in 0..<10 {
            let centre = plot.y + slot * (Double(index) + 0.5)
            if !hiddenBars.contains(index) {
                let length = plot.width * probabilities[index] * lengthFactors[index] / 1.1
                canvas.fillRect(Rect(x: plot.x, y: centre - slot * 0.4, width: length, height: slot * 0.8), color: barColors[index])
            }
            let label = "\(index)"
            let metrics = canvas.measureText(label, font: tickFont)
            let offset = tickLabelOffsets[index] ?? Point(x: 0, y: 0)
            canvas.drawText(label, at: Point(x: plot.x - 8 - metrics.width + offset.x,
                                             y: centre + (metrics.ascent - metrics.descent) / 2 + offset.y),
                            font: tickFont, color: SceneColor.text, rotation: 0)
        }
        // Spines and title.
        canvas.strokePolyline([Point(x: plot.minX, y: plot.minY), Point(x: plot.maxX, y: plot.minY), Point(x: plot.maxX, y: plot.maxY),
                               Point(x: plot.minX, y: plot.maxY), Point(x: plot.minX, y: plot.minY)],
                              style: StrokeStyle(color: SceneColor.grid, width: 1.25, cap: .square, join: .miter))
        let titleFont = Font(size: 16, weight: .bold)
        let title = "Class Probability"
        let titleWidth = canvas.measureText(title, font: titleFont).width
        canvas.drawText(title, at: Point(x: plot.x + (plot.width - titleWidth) / 2, y: plot.y - 12), font: titleFont,
                        color: SceneColor.text, rotation: 0)
    }

    /// The scene's pixels at 2x.
    func render() throws -> RGBAImage {
        let canvas = try CairoCanvas(size: Self.size)
        draw(on: canvas)
        return try canvas.makeImage()
    }
}
