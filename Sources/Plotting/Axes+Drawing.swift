import Foundation

/// Drawing one laid-out axes onto a canvas: background, grid, artists by z-order (clipped to the box), spines, texts.
extension Axes {
    /// Segments of a marker circle; enough to look round at 2x.
    static let markerSegments = 24

    /// Draws everything for `box`, `limits` and the precomputed `decorations`.
    func draw(on canvas: Canvas, box: Rect, limits: ViewLimits, decorations: AxesDecorations) {
        if axisVisible {
            canvas.fillRect(box, color: theme.axesBackground)
        }
        // The grid goes below every artist (seaborn's axisbelow), images included: no grid lines across a digit.
        if axisVisible && gridVisible {
            let style = StrokeStyle(color: theme.gridColor, width: pixels(theme.gridLineWidth), cap: .butt)
            for tick in decorations.xTicks {
                canvas.strokePolyline([Point(x: tick.position, y: box.minY), Point(x: tick.position, y: box.maxY)], style: style)
            }
            for tick in decorations.yTicks {
                canvas.strokePolyline([Point(x: box.minX, y: tick.position), Point(x: box.maxX, y: tick.position)], style: style)
            }
        }
        let transform = DataTransform(box: box, limits: limits)
        canvas.pushClip(box)
        // Stable sort: equal z-orders keep insertion order.
        let ordered = artists.enumerated().sorted { ($0.element.zorder, $0.offset) < ($1.element.zorder, $1.offset) }
        for (_, artist) in ordered { draw(artist, transform: transform, on: canvas) }
        canvas.popClip()
        if axisVisible {
            let spine = StrokeStyle(color: theme.spineColor, width: pixels(theme.axesLineWidth), cap: .square, join: .miter)
            canvas.strokePolyline([Point(x: box.minX, y: box.minY), Point(x: box.maxX, y: box.minY),
                                   Point(x: box.maxX, y: box.maxY), Point(x: box.minX, y: box.maxY),
                                   Point(x: box.minX, y: box.minY)], style: spine)
        }
        drawLegend(in: box, transform: transform, on: canvas)
        for text in decorations.texts { text.draw(on: canvas) }
    }

    /// Draws one artist in data coordinates.
    private func draw(_ artist: Artist, transform: DataTransform, on canvas: Canvas) {
        switch artist.kind {
        case let .line(points, style):
            guard points.count >= 2 else {
                // A single point has no length: show it as a dot of the line's width.
                if let p = points.first {
                    fillCircle(transform.point(p.x, p.y), diameter: style.width * 2, color: style.color, on: canvas)
                }
                return
            }
            canvas.strokePolyline(points.map { transform.point($0.x, $0.y) }, style: style)
        case let .markers(points, color, diameter):
            for p in points { fillCircle(transform.point(p.x, p.y), diameter: diameter, color: color, on: canvas) }
        case let .bars(rects, fill, edge, edgeWidth):
            let edgeStyle = StrokeStyle(color: edge, width: edgeWidth, cap: .butt, join: .miter)
            for r in rects {
                let rect = transform.rect(r)
                canvas.fillRect(rect, color: fill)
                canvas.strokePolyline([Point(x: rect.minX, y: rect.minY), Point(x: rect.maxX, y: rect.minY),
                                       Point(x: rect.maxX, y: rect.maxY), Point(x: rect.minX, y: rect.maxY),
                                       Point(x: rect.minX, y: rect.minY)], style: edgeStyle)
            }
        case let .image(image, extent, interpolation):
            canvas.drawImage(image, in: transform.rect(extent), interpolation: interpolation)
        case let .horizontalLine(y, style):
            let py = transform.py(y)
            canvas.strokePolyline([Point(x: transform.box.minX, y: py), Point(x: transform.box.maxX, y: py)], style: style)
        case let .verticalLine(x, style):
            let px = transform.px(x)
            canvas.strokePolyline([Point(x: px, y: transform.box.minY), Point(x: px, y: transform.box.maxY)], style: style)
        case let .text(text, x, y, font, color):
            let metrics = canvas.measureText(text, font: font)
            let centre = transform.point(x, y)
            let origin = Point(x: centre.x - metrics.width / 2, y: centre.y + (metrics.ascent - metrics.descent) / 2)
            canvas.drawText(text, at: origin, font: font, color: color, rotation: 0)
        }
    }

    /// A filled circle approximated by a regular polygon.
    private func fillCircle(_ center: Point, diameter: Double, color: Color, on canvas: Canvas) {
        let radius = diameter / 2
        let points = (0..<Axes.markerSegments).map { i -> Point in
            let angle = Double(i) / Double(Axes.markerSegments) * 2 * Double.pi
            return Point(x: center.x + radius * cos(angle), y: center.y + radius * sin(angle))
        }
        canvas.fillPolygon(points, color: color)
    }
}
