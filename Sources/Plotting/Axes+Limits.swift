/// The view interval of both axes: (left, right) and (bottom, top) in data units; bottom > top runs y downward.
struct ViewLimits: Equatable {
    var x: (Double, Double)
    var y: (Double, Double)

    /// Tuples are not Equatable; compare both intervals.
    static func == (a: ViewLimits, b: ViewLimits) -> Bool { a.x == b.x && a.y == b.y }
}

/// Autoscaling as matplotlib's `autoscale_view`: data limits, widened if singular, plus margins that stop at sticky edges.
extension Axes {
    /// The view limits in effect: explicit ones where set, autoscaled from the artists otherwise.
    func viewLimits() -> ViewLimits {
        let x = xAxis.limits ?? Axes.autoscale(ranges: artists.compactMap(\.xRange),
                                               sticky: artists.flatMap(\.stickyX), margin: xAxis.margin)
        var y = yAxis.limits ?? Axes.autoscale(ranges: artists.compactMap(\.yRange),
                                               sticky: artists.flatMap(\.stickyY), margin: yAxis.margin)
        if yAxis.limits == nil && yInverted { y = (y.1, y.0) }
        return ViewLimits(x: x, y: y)
    }

    /// The autoscaled interval of `ranges` (matplotlib default (0, 1) when there is no data).
    static func autoscale(ranges: [ClosedRange<Double>], sticky: [Double], margin: Double) -> (Double, Double) {
        guard let first = ranges.first else { return (0, 1) }
        var low = first.lowerBound, high = first.upperBound
        for range in ranges.dropFirst() {
            low = min(low, range.lowerBound)
            high = max(high, range.upperBound)
        }
        (low, high) = TickLocator.nonsingular(low, high)
        let stickies = sticky.filter(\.isFinite).sorted()
        let tolerance = 1e-5 * max(abs(low), abs(high), abs(high - low))
        // The largest sticky value at or below the data minimum, the smallest at or above the maximum.
        let lowBound = stickies.last { $0 < low + tolerance }
        let highBound = stickies.first { $0 > high - tolerance }
        let delta = (high * 0.5 - low * 0.5) * 2 * margin
        low -= delta
        high += delta
        if let lowBound { low = max(low, lowBound) }
        if let highBound { high = min(high, highBound) }
        // Data near ±Double.greatestFiniteMagnitude: the margin must not overflow to infinity.
        let limit = Double.greatestFiniteMagnitude
        return (low.clamped(to: -limit...limit), high.clamped(to: -limit...limit))
    }

    /// The axes box inside a layout cell: the whole cell, or for a fixed aspect the largest centred box with
    /// height / width = aspect × (y span / x span), as matplotlib's adjustable "box" with anchor "C".
    func box(in cell: Rect, limits: ViewLimits) -> Rect {
        guard let aspect, cell.width > 0, cell.height > 0 else { return cell }
        let xSpan = abs(limits.x.1 - limits.x.0), ySpan = abs(limits.y.1 - limits.y.0)
        guard xSpan > 0, ySpan > 0 else { return cell }
        let ratio = aspect * ySpan / xSpan
        var width = cell.width, height = cell.width * ratio
        if height > cell.height {
            height = cell.height
            width = height / ratio
        }
        return Rect(x: cell.x + (cell.width - width) / 2, y: cell.y + (cell.height - height) / 2,
                    width: width, height: height)
    }
}

/// Maps data coordinates to figure pixels for one axes box and view.
struct DataTransform {
    /// The axes box in figure pixels.
    let box: Rect
    /// The data interval the box shows.
    let limits: ViewLimits

    /// Figure x pixel of data x.
    func px(_ x: Double) -> Double {
        box.minX + DataTransform.fraction(x, limits.x.0, limits.x.1) * box.width
    }

    /// Figure y pixel of data y (y grows upward in data, downward on the canvas).
    func py(_ y: Double) -> Double {
        box.maxY - DataTransform.fraction(y, limits.y.0, limits.y.1) * box.height
    }

    /// Where `v` lies between `a` (0) and `b` (1); halving first keeps spans near the Double range finite.
    static func fraction(_ v: Double, _ a: Double, _ b: Double) -> Double {
        let span = b * 0.5 - a * 0.5
        return span == 0 ? 0.5 : (v * 0.5 - a * 0.5) / span
    }

    /// The figure point of a data point.
    func point(_ x: Double, _ y: Double) -> Point { Point(x: px(x), y: py(y)) }

    /// The figure rectangle of a data rectangle (normalised to positive size).
    func rect(_ r: DataRect) -> Rect {
        let xa = px(r.x0), xb = px(r.x1), ya = py(r.y0), yb = py(r.y1)
        return Rect(x: min(xa, xb), y: min(ya, yb), width: abs(xb - xa), height: abs(yb - ya))
    }
}
