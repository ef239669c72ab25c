/// The drawing surface a figure renders onto; a backend (Cairo, a test recorder) implements these primitives.
///
/// Coordinates are figure pixels at 1x (100 per inch), origin at the top left, y pointing down.
/// A backend that renders at a device scale (2x for high-density screens) applies it itself.
public protocol Canvas: AnyObject {
    /// The canvas size in figure pixels at 1x.
    var size: Size { get }

    /// Fills an axis-aligned rectangle.
    func fillRect(_ rect: Rect, color: Color)

    /// Fills a closed polygon (non-zero winding).
    func fillPolygon(_ points: [Point], color: Color)

    /// Strokes an open polyline.
    func strokePolyline(_ points: [Point], style: StrokeStyle)

    /// Draws an RGBA image scaled into `rect` with the given interpolation.
    func drawImage(_ image: RGBAImage, in rect: Rect, interpolation: Interpolation)

    /// Measures a single line of text in figure pixels.
    func measureText(_ text: String, font: Font) -> TextMetrics

    /// Draws a single line of text whose baseline starts at `origin`, rotated by `rotation` (radians, counter-clockwise) about `origin`.
    func drawText(_ text: String, at origin: Point, font: Font, color: Color, rotation: Double)

    /// Restricts all following drawing to `rect` until the matching `restore()`.
    func pushClip(_ rect: Rect)

    /// Ends the most recent `pushClip`.
    func popClip()
}
