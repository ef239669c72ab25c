import Foundation

/// A legend box inside the axes (matplotlib `legend`): one row per labelled artist, a sample of its mark and its
/// label, on a rounded white frame with seaborn's light-grey edge.
extension Axes {
    /// Where the legend box sits inside the axes (matplotlib's location names).
    public enum LegendLocation: Sendable, CaseIterable {
        /// matplotlib's "best": of the other places, in this order, the first that covers the fewest pieces of data.
        case best
        case upperRight, upperLeft, lowerLeft, lowerRight, centerRight
    }

    /// Shows a legend of the artists that were given a label; nothing is drawn if none was.
    public func legend(location: LegendLocation = .upperRight) {
        legendLocation = location
    }

    /// One legend row: the sample to draw and the text.
    enum LegendSample {
        case line(StrokeStyle)
        case marker(Color, diameter: Double)
        case patch(Color)
    }

    /// The labelled artists' samples, in insertion order.
    var legendEntries: [(sample: LegendSample, label: String)] {
        artists.compactMap { artist in
            guard let label = artist.label, !label.isEmpty else { return nil }
            switch artist.kind {
            case let .line(_, style), let .horizontalLine(_, style), let .verticalLine(_, style):
                return (.line(style), label)
            case let .markers(_, color, diameter):
                return (.marker(color, diameter: diameter), label)
            case let .bars(_, fill, _, _):
                return (.patch(fill), label)
            case .image, .text:
                return nil
            }
        }
    }

    /// Draws the legend inside `box` (matplotlib sizes in units of the legend font size: border pad 0.4,
    /// handle length 2, handle-text pad 0.8, label spacing 0.5, border-axes pad 0.5; frame alpha 0.8).
    func drawLegend(in box: Rect, transform: DataTransform, on canvas: Canvas) {
        guard let location = legendLocation else { return }
        let entries = legendEntries
        guard !entries.isEmpty else { return }
        let font = Font(size: pixels(theme.legendSize))
        let em = font.size
        let metrics = entries.map { canvas.measureText($0.label, font: font) }
        let rowHeight = metrics.map { $0.ascent + $0.descent }.max() ?? em
        let textWidth = metrics.map(\.width).max() ?? 0
        let width = 0.4 * em * 2 + 2 * em + 0.8 * em + textWidth
        let height = 0.4 * em * 2 + rowHeight * Double(entries.count) + 0.5 * em * Double(entries.count - 1)
        let place = { (location: LegendLocation) in
            Self.legendFrame(at: location, width: width, height: height, inset: 0.5 * em, in: box)
        }
        let placed = location == .best
            ? LegendLocation.allCases.dropFirst().min { overlap(of: place($0), transform) < overlap(of: place($1), transform) }!
            : location
        let x = place(placed).minX, y = place(placed).minY
        let frame = Axes.roundedRectangle(Rect(x: x, y: y, width: width, height: height), radius: 0.2 * em)
        canvas.fillPolygon(frame, color: Color(red: 1, green: 1, blue: 1, alpha: 0.8))
        canvas.strokePolyline(frame + [frame[0]], style: StrokeStyle(color: theme.spineColor, width: pixels(theme.patchLineWidth)))
        for (row, entry) in entries.enumerated() {
            let top = y + 0.4 * em + Double(row) * (rowHeight + 0.5 * em)
            let midY = top + rowHeight / 2
            let handle = Rect(x: x + 0.4 * em, y: top, width: 2 * em, height: rowHeight)
            switch entry.sample {
            case let .line(style):
                canvas.strokePolyline([Point(x: handle.minX, y: midY), Point(x: handle.maxX, y: midY)], style: style)
            case let .marker(color, diameter):
                let center = Point(x: handle.midX, y: midY)
                canvas.fillPolygon((0..<Axes.markerSegments).map { i in
                    let angle = Double(i) / Double(Axes.markerSegments) * 2 * Double.pi
                    return Point(x: center.x + diameter / 2 * cos(angle), y: center.y + diameter / 2 * sin(angle))
                }, color: color)
            case let .patch(color):
                canvas.fillRect(Rect(x: handle.minX, y: midY - 0.35 * em, width: handle.width, height: 0.7 * em), color: color)
            }
            TextItem.horizontal(entry.label, font: font, color: theme.textColor,
                                at: Point(x: handle.maxX + 0.8 * em, y: midY), .left, .center, canvas: canvas)
                .draw(on: canvas)
        }
    }

    /// A rectangle with rounded corners as a polygon (quarter circles of `radius`, 6 segments each).
    /// The legend's frame at `location` (not `.best`), `inset` from the edges of `box`.
    static func legendFrame(at location: LegendLocation, width: Double, height: Double, inset: Double, in box: Rect) -> Rect {
        let x = (location == .upperLeft || location == .lowerLeft) ? box.minX + inset : box.maxX - inset - width
        let y = switch location {
        case .upperLeft, .upperRight, .best: box.minY + inset
        case .lowerLeft, .lowerRight: box.maxY - inset - height
        case .centerRight: box.midY - height / 2
        }
        return Rect(x: x, y: y, width: width, height: height)
    }

    /// How much data `frame` would hide (matplotlib's "badness"): the segments of lines that cross it, the markers
    /// in it and the bars that overlap it.
    func overlap(of frame: Rect, _ transform: DataTransform) -> Int {
        func inside(_ p: Point) -> Bool { p.x >= frame.minX && p.x <= frame.maxX && p.y >= frame.minY && p.y <= frame.maxY }
        var count = 0
        for artist in artists {
            switch artist.kind {
            case let .line(points, _):
                let pixels = points.map { transform.point($0.x, $0.y) }
                if pixels.count == 1, inside(pixels[0]) { count += 1 }
                for (a, b) in zip(pixels, pixels.dropFirst()) where Self.segment(a, b, crosses: frame) { count += 1 }
            case let .markers(points, _, _):
                count += points.filter { inside(transform.point($0.x, $0.y)) }.count
            case let .bars(rects, _, _, _):
                count += rects.filter { transform.rect($0).intersects(frame) }.count
            case .image, .horizontalLine, .verticalLine, .text:
                break
            }
        }
        return count
    }

    /// Whether the segment from `a` to `b` meets `rect` (Liang–Barsky clipping).
    static func segment(_ a: Point, _ b: Point, crosses rect: Rect) -> Bool {
        var low = 0.0, high = 1.0
        let dx = b.x - a.x, dy = b.y - a.y
        for (p, q) in [(-dx, a.x - rect.minX), (dx, rect.maxX - a.x), (-dy, a.y - rect.minY), (dy, rect.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return false }
            } else {
                let t = q / p
                if p < 0 { low = max(low, t) } else { high = min(high, t) }
                if low > high { return false }
            }
        }
        return true
    }

    static func roundedRectangle(_ r: Rect, radius: Double) -> [Point] {
        let radius = min(radius, r.width / 2, r.height / 2)
        let corners = [(r.maxX - radius, r.minY + radius, -Double.pi / 2), (r.maxX - radius, r.maxY - radius, 0),
                       (r.minX + radius, r.maxY - radius, Double.pi / 2), (r.minX + radius, r.minY + radius, Double.pi)]
        return corners.flatMap { cx, cy, start in
            (0...6).map { i in
                let angle = start + Double(i) / 6 * Double.pi / 2
                return Point(x: cx + radius * cos(angle), y: cy + radius * sin(angle))
            }
        }
    }
}
