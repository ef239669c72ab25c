import CairoBackend
import Foundation
import Plotting

/// A canvas that forwards to a real `CairoCanvas` but breaks one thing on the way, as a rendering regression would:
/// it moves the text equal to `nudgedText` by `textOffset` and can drop one fill of a given colour.
final class TamperingCanvas: Canvas {
    /// The canvas that really draws.
    let target: CairoCanvas
    /// Text drawn at an offset (figure pixels), matched exactly.
    var nudgedText: String?
    /// How far `nudgedText` moves.
    var textOffset = Point(x: 0, y: 0)
    /// The colour whose fills are counted for `droppedFillIndex`.
    var droppedFillColor: Color?
    /// The zero-based index, among fills of `droppedFillColor`, of the one not drawn.
    var droppedFillIndex = 0
    /// Fills of `droppedFillColor` seen so far.
    private var fillsSeen = 0

    /// Wraps a fresh 2x canvas of `size` figure pixels.
    init(size: Size) throws { target = try CairoCanvas(size: size) }

    var size: Size { target.size }

    func fillRect(_ rect: Rect, color: Color) {
        if let droppedFillColor, color == droppedFillColor {
            defer { fillsSeen += 1 }
            if fillsSeen == droppedFillIndex { return }
        }
        target.fillRect(rect, color: color)
    }

    func fillPolygon(_ points: [Point], color: Color) { target.fillPolygon(points, color: color) }
    func strokePolyline(_ points: [Point], style: StrokeStyle) { target.strokePolyline(points, style: style) }
    func drawImage(_ image: RGBAImage, in rect: Rect, interpolation: Interpolation) {
        target.drawImage(image, in: rect, interpolation: interpolation)
    }
    func measureText(_ text: String, font: Font) -> TextMetrics { target.measureText(text, font: font) }

    func drawText(_ text: String, at origin: Point, font: Font, color: Color, rotation: Double) {
        let moved = text == nudgedText ? Point(x: origin.x + textOffset.x, y: origin.y + textOffset.y) : origin
        target.drawText(text, at: moved, font: font, color: color, rotation: rotation)
    }

    func pushClip(_ rect: Rect) { target.pushClip(rect) }
    func popClip() { target.popClip() }

    /// Draws `figure` through the tampering and returns the pixels.
    func render(_ figure: Figure) throws -> RGBAImage {
        figure.draw(on: self)
        return try target.makeImage()
    }
}
