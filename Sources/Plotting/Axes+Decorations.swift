/// Everything drawn around an axes box: the ticks in effect and the placed texts.
struct AxesDecorations {
    /// Visible x ticks: data value and figure x pixel.
    var xTicks: [(value: Double, position: Double)] = []
    /// Visible y ticks: data value and figure y pixel.
    var yTicks: [(value: Double, position: Double)] = []
    /// Tick labels, in axis order.
    var xTickLabels: [TextItem] = []
    var yTickLabels: [TextItem] = []
    /// Axis labels and title.
    var xLabel: TextItem?
    var yLabel: TextItem?
    var title: TextItem?
    /// The box plus every text box.
    var bounds: Rect
    /// The box plus every text box except the title.
    var boundsWithoutTitle: Rect

    /// All texts, in drawing order.
    var texts: [TextItem] { xTickLabels + yTickLabels + [xLabel, yLabel, title].compactMap { $0 } }
}

/// Tick selection and text placement, measured through the canvas.
extension Axes {
    /// The smallest share of its nominal size a tick label font shrinks to so neighbouring labels do not collide.
    static let minimumTickLabelShrink = 0.5

    /// Computes ticks and places all texts around `box` for the view `limits`.
    func decorations(box: Rect, limits: ViewLimits, canvas: Canvas) -> AxesDecorations {
        var result = AxesDecorations(bounds: box, boundsWithoutTitle: box)
        let transform = DataTransform(box: box, limits: limits)
        let color = theme.textColor
        if axisVisible {
            let pad = pixels(theme.tickMajorSize + theme.tickPad)
            // x ticks: labels centred below the box.
            let (xValues, xLabels) = ticks(for: xAxis, interval: limits.x, lengthPixels: box.width, horizontal: true)
            result.xTicks = xValues.map { ($0, transform.px($0)) }
            let xFont = fittedTickFont(xLabels, positions: result.xTicks.map(\.position), horizontal: true, canvas: canvas)
            result.xTickLabels = zip(result.xTicks, xLabels).map { tick, text in
                TextItem.horizontal(text, font: xFont, color: color, at: Point(x: tick.position, y: box.maxY + pad),
                                    .center, .top, canvas: canvas)
            }
            // y ticks: labels right-aligned left of the box, centred on the tick.
            let (yValues, yLabels) = ticks(for: yAxis, interval: limits.y, lengthPixels: box.height, horizontal: false)
            result.yTicks = yValues.map { ($0, transform.py($0)) }
            let yFont = fittedTickFont(yLabels, positions: result.yTicks.map(\.position), horizontal: false, canvas: canvas)
            result.yTickLabels = zip(result.yTicks, yLabels).map { tick, text in
                TextItem.horizontal(text, font: yFont, color: color, at: Point(x: box.minX - pad, y: tick.position),
                                    .right, .center, canvas: canvas)
            }
            let labelFont = Font(size: pixels(theme.labelSize))
            if let text = xAxis.label, !text.isEmpty {
                let top = (result.xTickLabels.map(\.bounds.maxY).max() ?? box.maxY) + pixels(theme.labelPad)
                result.xLabel = TextItem.horizontal(text, font: labelFont, color: color, at: Point(x: box.midX, y: top),
                                                    .center, .top, canvas: canvas)
            }
            if let text = yAxis.label, !text.isEmpty {
                let right = (result.yTickLabels.map(\.bounds.minX).min() ?? box.minX) - pixels(theme.labelPad)
                result.yLabel = TextItem.vertical(text, font: labelFont, color: color,
                                                  rightEdgeAt: Point(x: right, y: box.midY), canvas: canvas)
            }
        }
        if let text = titleText, !text.isEmpty {
            result.title = TextItem.horizontal(text, font: Font(size: pixels(theme.titleSize), weight: titleWeight),
                                               color: color, at: Point(x: box.midX, y: box.minY - pixels(theme.titlePad)),
                                               .center, .baseline, canvas: canvas)
        }
        for item in result.xTickLabels + result.yTickLabels + [result.xLabel, result.yLabel].compactMap({ $0 }) {
            result.boundsWithoutTitle = result.boundsWithoutTitle.union(item.bounds)
        }
        result.bounds = result.boundsWithoutTitle
        if let title = result.title { result.bounds = result.bounds.union(title.bounds) }
        return result
    }

    /// The visible ticks of one axis and their labels: explicit ones, or the automatic locator's.
    func ticks(for axis: AxisState, interval: (Double, Double), lengthPixels: Double,
               horizontal: Bool) -> (values: [Double], labels: [String]) {
        let low = min(interval.0, interval.1), high = max(interval.0, interval.1)
        // matplotlib keeps ticks inside the view with a relative tolerance.
        let tolerance = 1e-10 * max(high - low, abs(high), abs(low), 1e-300)
        func visible(_ v: Double) -> Bool { v >= low - tolerance && v <= high + tolerance }
        if let explicit = axis.ticks {
            var values: [Double] = [], labels: [String] = []
            let formatted = axis.tickLabels ?? TickFormatter.labels(for: explicit)
            for (value, label) in zip(explicit, formatted) where visible(value) {
                values.append(value)
                labels.append(label)
            }
            return (values, labels)
        }
        let bins = TickLocator.automaticBins(axisLengthPoints: lengthPixels * 72 / dpi,
                                             tickLabelSizePoints: tickLabelSizePoints, horizontal: horizontal)
        let values = TickLocator().ticks(from: low, to: high, bins: bins).filter(visible)
        return (values, TickFormatter.labels(for: values))
    }

    /// The tick label font, shrunk (down to `minimumTickLabelShrink`) when neighbouring labels would collide:
    /// x labels need their half widths plus a gap between ticks, y labels their height.
    func fittedTickFont(_ labels: [String], positions: [Double], horizontal: Bool, canvas: Canvas) -> Font {
        let nominal = Font(size: pixels(tickLabelSizePoints))
        guard labels.count >= 2 else { return nominal }
        let metrics = labels.map { canvas.measureText($0, font: nominal) }
        var worst = 1.0
        for i in 1..<labels.count {
            let spacing = abs(positions[i] - positions[i - 1])
            let needed: Double
            if horizontal {
                // Half of each label plus a gap of half a font size.
                needed = (metrics[i].width + metrics[i - 1].width) / 2 + nominal.size * 0.5
            } else {
                // Each label's height plus a tenth of a font size between them.
                needed = (metrics[i].ascent + metrics[i].descent + metrics[i - 1].ascent + metrics[i - 1].descent) / 2
                    + nominal.size * 0.1
            }
            if needed > 0 { worst = min(worst, spacing / needed) }
        }
        guard worst < 1 else { return nominal }
        return Font(size: nominal.size * max(Axes.minimumTickLabelShrink, worst))
    }
}
