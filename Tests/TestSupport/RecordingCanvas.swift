import Plotting

/// A canvas that records every primitive, with deterministic text metrics:
/// width = 0.6 · size · characters, ascent = 0.8 · size, descent = 0.2 · size.
public final class RecordingCanvas: Canvas {
    /// One recorded call.
    public enum Primitive {
        case rect(Rect, Color)
        case polygon([Point], Color)
        case polyline([Point], StrokeStyle)
        case image(RGBAImage, Rect, Interpolation)
        case text(String, Point, Font, Color, Double)
        case pushClip(Rect)
        case popClip
    }

    public let size: Size
    public private(set) var primitives: [Primitive] = []

    public init(size: Size) { self.size = size }

    /// A canvas the size of `figure`.
    public convenience init(for figure: Figure) { self.init(size: figure.pixelSize) }

    public func fillRect(_ rect: Rect, color: Color) { primitives.append(.rect(rect, color)) }
    public func fillPolygon(_ points: [Point], color: Color) { primitives.append(.polygon(points, color)) }
    public func strokePolyline(_ points: [Point], style: StrokeStyle) { primitives.append(.polyline(points, style)) }
    public func drawImage(_ image: RGBAImage, in rect: Rect, interpolation: Interpolation) {
        primitives.append(.image(image, rect, interpolation))
    }
    public func measureText(_ text: String, font: Font) -> TextMetrics {
        TextMetrics(width: 0.6 * font.size * Double(text.count), ascent: 0.8 * font.size, descent: 0.2 * font.size)
    }
    public func drawText(_ text: String, at origin: Point, font: Font, color: Color, rotation: Double) {
        primitives.append(.text(text, origin, font, color, rotation))
    }
    public func pushClip(_ rect: Rect) { primitives.append(.pushClip(rect)) }
    public func popClip() { primitives.append(.popClip) }

    // MARK: - Queries

    /// Filled rectangles of one colour.
    public func rects(_ color: Color) -> [Rect] {
        primitives.compactMap { if case let .rect(r, c) = $0, c == color { return r } else { return nil } }
    }

    /// Drawn texts with their fonts and origins.
    public var texts: [(text: String, origin: Point, font: Font, rotation: Double)] {
        primitives.compactMap { if case let .text(t, o, f, _, r) = $0 { return (t, o, f, r) } else { return nil } }
    }

    /// The strings drawn, in order.
    public var strings: [String] { texts.map(\.text) }

    /// Drawn images with their target rectangles.
    public var images: [(image: RGBAImage, rect: Rect, interpolation: Interpolation)] {
        primitives.compactMap { if case let .image(i, r, m) = $0 { return (i, r, m) } else { return nil } }
    }

    /// Stroked polylines of one colour.
    public func polylines(_ color: Color) -> [(points: [Point], style: StrokeStyle)] {
        primitives.compactMap {
            if case let .polyline(p, s) = $0, s.color == color { return (p, s) } else { return nil }
        }
    }

    /// Filled polygons of one colour.
    public func polygons(_ color: Color) -> [[Point]] {
        primitives.compactMap { if case let .polygon(p, c) = $0, c == color { return p } else { return nil } }
    }

    /// The box a drawn text covers under these metrics (horizontal or rotated a quarter turn).
    public func bounds(of text: (text: String, origin: Point, font: Font, rotation: Double)) -> Rect {
        let m = measureText(text.text, font: text.font)
        if abs(text.rotation) < 1e-9 {
            return Rect(x: text.origin.x, y: text.origin.y - m.ascent, width: m.width, height: m.ascent + m.descent)
        }
        // +90°: the baseline runs up from the origin, the ascent points left.
        return Rect(x: text.origin.x - m.ascent, y: text.origin.y - m.width, width: m.ascent + m.descent, height: m.width)
    }
}

/// Colours the tests look for.
public enum TestColors {
    public static let blue = Color(hex: 0x4C72B0)
    public static let grid = Color(hex: 0xCCCCCC)
    public static let text = Color(hex: 0x262626)
}
