/// One thing an `Axes` draws in data coordinates, with its matplotlib z-order and autoscaling facts.
struct Artist {
    /// What to draw.
    enum Kind {
        /// A polyline through `points` (data coordinates).
        case line(points: [(x: Double, y: Double)], style: StrokeStyle)
        /// Round markers of `diameter` figure pixels at `points`.
        case markers(points: [(x: Double, y: Double)], color: Color, diameter: Double)
        /// Filled rectangles (data coordinates: x0, x1, y0, y1) with an edge stroke.
        case bars(rects: [DataRect], fill: Color, edge: Color, edgeWidth: Double)
        /// A raster stretched over `extent` (data coordinates) with an interpolation.
        case image(RGBAImage, extent: DataRect, interpolation: Interpolation)
        /// A horizontal line at data `y` spanning the axes width (axhline).
        case horizontalLine(y: Double, style: StrokeStyle)
        /// A vertical line at data `x` spanning the axes height (axvline).
        case verticalLine(x: Double, style: StrokeStyle)
        /// One line of text centred on data (x, y) (matplotlib `text` with ha and va "center"); font size in figure pixels.
        case text(String, x: Double, y: Double, font: Font, color: Color)
    }

    var kind: Kind
    /// matplotlib's zorder: images 0, patches 1, lines 2; stable order among equals.
    var zorder: Double
    /// Legend label, if any.
    var label: String?
    /// Data extent for autoscaling; nil along an axis the artist does not constrain (axhline in x).
    var xRange: ClosedRange<Double>?
    var yRange: ClosedRange<Double>?
    /// Values a margin may not cross (matplotlib sticky edges): bar baselines, image edges.
    var stickyX: [Double] = []
    var stickyY: [Double] = []
}

/// A rectangle in data coordinates.
struct DataRect: Equatable {
    var x0: Double
    var x1: Double
    var y0: Double
    var y1: Double
}

/// Extents of point lists for autoscaling.
extension Array where Element == (x: Double, y: Double) {
    /// The closed range of x values (nil when empty).
    var xRange: ClosedRange<Double>? {
        guard let low = map(\.x).min(), let high = map(\.x).max() else { return nil }
        return low...high
    }
    /// The closed range of y values (nil when empty).
    var yRange: ClosedRange<Double>? {
        guard let low = map(\.y).min(), let high = map(\.y).max() else { return nil }
        return low...high
    }
}
