/// The plotting verbs: images, lines, markers, bars and reference lines.
extension Axes {
    // MARK: - Images

    /// Shows a row-major grid of values through a colormap (matplotlib `imshow`): pixel (r, c) covers
    /// data x in c-0.5...c+0.5 and y in r-0.5...r+0.5, row 0 at the top, equal aspect so pixels stay square.
    /// `vmin`/`vmax` default to the data's minimum and maximum.
    public func imshow(_ data: [Float], rows: Int, cols: Int, cmap: Colormap = .viridis,
                       vmin: Double? = nil, vmax: Double? = nil, interpolation: Interpolation = .nearest) throws {
        try PlottingError.checkFinite(data, "imshow data")
        let low = vmin ?? Double(data.min() ?? 0)
        let high = vmax ?? Double(data.max() ?? 1)
        let image = try cmap.image(data, rows: rows, cols: cols, vmin: low, vmax: high)
        let extent = DataRect(x0: -0.5, x1: Double(cols) - 0.5, y0: -0.5, y1: Double(rows) - 0.5)
        artists.append(Artist(kind: .image(image, extent: extent, interpolation: interpolation), zorder: 0,
                              xRange: extent.x0...extent.x1, yRange: extent.y0...extent.y1,
                              stickyX: [extent.x0, extent.x1], stickyY: [extent.y0, extent.y1]))
        yInverted = true
        if aspect == nil { aspect = 1 }
    }

    // MARK: - Lines and markers

    /// Writes `text` centred on data (x, y) (matplotlib `text(x, y, s, ha="center", va="center")`), in the
    /// theme's text colour unless given, at `size` points (the tick label size by default), above every other artist.
    public func text(_ text: String, x: Double, y: Double, size: Double? = nil, color: Color? = nil) throws {
        guard x.isFinite && y.isFinite else {
            throw PlottingError.nonFiniteValue(what: "text position", index: 0, value: x.isFinite ? y : x)
        }
        let font = Font(size: pixels(size ?? theme.tickLabelSize))
        artists.append(Artist(kind: .text(text, x: x, y: y, font: font, color: color ?? theme.textColor), zorder: 3,
                              label: nil, xRange: nil, yRange: nil))
    }

    /// Draws a line through (x[i], y[i]) (matplotlib `plot`); colour from the palette unless given,
    /// width in points (theme `lines.linewidth` by default), optional dash pattern in points.
    public func plot<X: BinaryFloatingPoint, Y: BinaryFloatingPoint>(
        x: [X], y: [Y], color: Color? = nil, lineWidth: Double? = nil, dash: [Double] = [], label: String? = nil
    ) throws {
        let points = try Axes.pairs(x, y, "plot")
        let style = StrokeStyle(color: color ?? cycleColor(), width: pixels(lineWidth ?? theme.lineWidth),
                                cap: .round, join: .round, dash: dash.map(pixels))
        artists.append(Artist(kind: .line(points: points, style: style), zorder: 2, label: label,
                              xRange: points.xRange, yRange: points.yRange))
    }

    /// Draws round markers at (x[i], y[i]) (matplotlib `scatter`/`plot(..., "o")`); diameter in points.
    public func scatter<X: BinaryFloatingPoint, Y: BinaryFloatingPoint>(
        x: [X], y: [Y], color: Color? = nil, markerSize: Double? = nil, label: String? = nil
    ) throws {
        let points = try Axes.pairs(x, y, "scatter")
        artists.append(Artist(kind: .markers(points: points, color: color ?? cycleColor(),
                                             diameter: pixels(markerSize ?? theme.markerSize)),
                              zorder: 2, label: label, xRange: points.xRange, yRange: points.yRange))
    }

    /// A stem plot (matplotlib `stem`): a thin line from `baseline` to each y, with a marker on top.
    public func stem<X: BinaryFloatingPoint, Y: BinaryFloatingPoint>(
        x: [X], y: [Y], baseline: Double = 0, color: Color? = nil, markerSize: Double? = nil, label: String? = nil
    ) throws {
        let points = try Axes.pairs(x, y, "stem")
        try PlottingError.checkFinite(baseline, "stem baseline")
        let color = color ?? cycleColor()
        let style = StrokeStyle(color: color, width: pixels(theme.lineWidth * 0.75), cap: .butt)
        for point in points {
            artists.append(Artist(kind: .line(points: [(point.x, baseline), point], style: style), zorder: 1.9,
                                  xRange: point.x...point.x, yRange: min(baseline, point.y)...max(baseline, point.y)))
        }
        artists.append(Artist(kind: .markers(points: points, color: color, diameter: pixels(markerSize ?? theme.markerSize)),
                              zorder: 2, label: label, xRange: points.xRange, yRange: points.yRange))
    }

    // MARK: - Bars

    /// Vertical bars centred on x[i] from 0 to height[i] (matplotlib `bar`), `width` in data units,
    /// white edges as seaborn; the baseline 0 is a sticky edge, so no margin is added below it.
    public func bar<X: BinaryFloatingPoint, H: BinaryFloatingPoint>(
        x: [X], height: [H], width: Double = 0.8, color: Color? = nil, label: String? = nil
    ) throws {
        let points = try Axes.pairs(x, height, "bar")
        try Axes.checkBarWidth(width, "bar width")
        let rects = points.map { DataRect(x0: $0.x - width / 2, x1: $0.x + width / 2, y0: 0, y1: $0.y) }
        appendBars(rects, color: color, label: label, stickyX: [], stickyY: [0])
    }

    /// Horizontal bars centred on y[i] from 0 to width[i] (matplotlib `barh`), `height` in data units;
    /// the baseline x = 0 is a sticky edge.
    public func barh<Y: BinaryFloatingPoint, W: BinaryFloatingPoint>(
        y: [Y], width: [W], height: Double = 0.8, color: Color? = nil, label: String? = nil
    ) throws {
        let points = try Axes.pairs(y, width, "barh")
        try Axes.checkBarWidth(height, "barh height")
        let rects = points.map { DataRect(x0: 0, x1: $0.y, y0: $0.x - height / 2, y1: $0.x + height / 2) }
        appendBars(rects, color: color, label: label, stickyX: [0], stickyY: [])
    }

    /// Adds one bar container artist (matplotlib zorder 1) with its sticky baseline.
    private func appendBars(_ rects: [DataRect], color: Color?, label: String?, stickyX: [Double], stickyY: [Double]) {
        let xs = rects.flatMap { [$0.x0, $0.x1] }, ys = rects.flatMap { [$0.y0, $0.y1] }
        artists.append(Artist(kind: .bars(rects: rects, fill: color ?? cycleColor(), edge: theme.patchEdgeColor,
                                          edgeWidth: pixels(theme.patchLineWidth)),
                              zorder: 1, label: label,
                              xRange: xs.min().map { $0...xs.max()! }, yRange: ys.min().map { $0...ys.max()! },
                              stickyX: stickyX, stickyY: stickyY))
    }

    // MARK: - Reference lines

    /// A horizontal line across the axes at `y` (matplotlib `axhline`); dashed if asked.
    public func axhline(y: Double, color: Color? = nil, lineWidth: Double? = nil, dashed: Bool = false, label: String? = nil) throws {
        try PlottingError.checkFinite(y, "axhline y")
        artists.append(Artist(kind: .horizontalLine(y: y, style: referenceStyle(color, lineWidth, dashed)),
                              zorder: 2, label: label, xRange: nil, yRange: y...y))
    }

    /// A vertical line across the axes at `x` (matplotlib `axvline`); dashed if asked.
    public func axvline(x: Double, color: Color? = nil, lineWidth: Double? = nil, dashed: Bool = false, label: String? = nil) throws {
        try PlottingError.checkFinite(x, "axvline x")
        artists.append(Artist(kind: .verticalLine(x: x, style: referenceStyle(color, lineWidth, dashed)),
                              zorder: 2, label: label, xRange: x...x, yRange: nil))
    }

    /// The stroke of an axhline/axvline: text colour by default, matplotlib's dash pattern if dashed.
    private func referenceStyle(_ color: Color?, _ lineWidth: Double?, _ dashed: Bool) -> StrokeStyle {
        let width = pixels(lineWidth ?? theme.lineWidth)
        // matplotlib's "--" pattern: 3.7 on, 1.6 off, in multiples of the line width.
        return StrokeStyle(color: color ?? theme.textColor, width: width, cap: .butt, join: .round,
                           dash: dashed ? [3.7 * width, 1.6 * width] : [])
    }

    // MARK: - Validation

    /// Zips two equally long, finite, non-empty series into points.
    static func pairs<A: BinaryFloatingPoint, B: BinaryFloatingPoint>(_ a: [A], _ b: [B], _ verb: String) throws -> [(x: Double, y: Double)] {
        try PlottingError.checkLength(b.count, a.count, "\(verb) second series (first has \(a.count))")
        try PlottingError.checkFinite(a, "\(verb) first series")
        try PlottingError.checkFinite(b, "\(verb) second series")
        return zip(a, b).map { (Double($0), Double($1)) }
    }

    /// Throws unless a bar thickness is positive and finite.
    static func checkBarWidth(_ width: Double, _ what: String) throws {
        guard width.isFinite, width > 0 else {
            throw PlottingError.invalidArgument(what: what, reason: "\(width) is not a positive finite width")
        }
    }
}
