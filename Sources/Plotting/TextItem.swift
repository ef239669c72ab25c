/// One placed line of text: what the canvas draws and the box it covers (for layout and tests).
struct TextItem {
    /// Horizontal alignment of the anchor against the text box.
    enum HorizontalAlignment { case left, center, right }
    /// Vertical alignment of the anchor against the text box.
    enum VerticalAlignment { case top, center, baseline, bottom }

    var text: String
    var font: Font
    var color: Color
    /// Baseline start, as `Canvas.drawText` wants it.
    var origin: Point
    /// Radians, counter-clockwise.
    var rotation: Double
    /// The covered box (advance width × ascent + descent), in figure pixels.
    var bounds: Rect

    /// Places horizontal text so its box aligns with `anchor` as asked; the size comes from `canvas.measureText`.
    static func horizontal(_ text: String, font: Font, color: Color, at anchor: Point,
                           _ h: HorizontalAlignment, _ v: VerticalAlignment, canvas: Canvas) -> TextItem {
        let m = canvas.measureText(text, font: font)
        let left: Double
        switch h {
        case .left: left = anchor.x
        case .center: left = anchor.x - m.width / 2
        case .right: left = anchor.x - m.width
        }
        let baseline: Double
        switch v {
        case .top: baseline = anchor.y + m.ascent
        case .center: baseline = anchor.y + (m.ascent - m.descent) / 2
        case .baseline: baseline = anchor.y
        case .bottom: baseline = anchor.y - m.descent
        }
        return TextItem(text: text, font: font, color: color, origin: Point(x: left, y: baseline), rotation: 0,
                        bounds: Rect(x: left, y: baseline - m.ascent, width: m.width, height: m.ascent + m.descent))
    }

    /// Places text rotated a quarter turn counter-clockwise (reading upward, like a y label), centred on
    /// `anchor.y`, with the right edge of its box (the descent side) at `anchor.x`.
    static func vertical(_ text: String, font: Font, color: Color, rightEdgeAt anchor: Point, canvas: Canvas) -> TextItem {
        let m = canvas.measureText(text, font: font)
        // Rotated +90°, the baseline runs upward and the ascent points left.
        let origin = Point(x: anchor.x - m.descent, y: anchor.y + m.width / 2)
        return TextItem(text: text, font: font, color: color, origin: origin, rotation: Double.pi / 2,
                        bounds: Rect(x: origin.x - m.ascent, y: anchor.y - m.width / 2,
                                     width: m.ascent + m.descent, height: m.width))
    }

    /// Draws it.
    func draw(on canvas: Canvas) {
        canvas.drawText(text, at: origin, font: font, color: color, rotation: rotation)
    }
}

/// Rectangle helpers for layout.
extension Rect {
    /// The horizontal centre.
    var midX: Double { x + width / 2 }
    /// The vertical centre.
    var midY: Double { y + height / 2 }

    /// The smallest rectangle holding both.
    func union(_ other: Rect) -> Rect {
        let x0 = min(minX, other.minX), y0 = min(minY, other.minY)
        return Rect(x: x0, y: y0, width: max(maxX, other.maxX) - x0, height: max(maxY, other.maxY) - y0)
    }

    /// Whether the two rectangles overlap by more than `tolerance` in both directions.
    func overlaps(_ other: Rect, tolerance: Double = 0) -> Bool {
        minX < other.maxX - tolerance && other.minX < maxX - tolerance &&
            minY < other.maxY - tolerance && other.minY < maxY - tolerance
    }
}
