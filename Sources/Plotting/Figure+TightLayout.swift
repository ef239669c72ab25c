/// The result of laying a figure out: each axes' box, view and decorations, and the suptitle.
struct FigureLayout {
    /// One laid-out axes.
    struct Entry {
        let axes: Axes
        let cell: Rect
        let box: Rect
        let limits: ViewLimits
        let decorations: AxesDecorations
    }

    var axes: [Entry]
    var suptitle: TextItem?
}

/// matplotlib's `tight_layout` for a subplot grid: every column and row gets just the room its tick labels,
/// axis labels and titles need (measured on the canvas), with `pad` = 1.08 × font size around the figure and
/// between cells; the rest is shared by the cells by their ratios.
extension Figure {
    /// Rounds of measure-and-reposition; tick choice depends on the box size, so it takes a few.
    static let layoutRounds = 6
    /// A cell never gets smaller than this many pixels, so a crowded figure still draws (with clipped text).
    static let minimumCellPixels = 4.0

    /// Computes the layout, stores each axes' `box`, and returns it.
    @discardableResult
    func layout(on canvas: Canvas) -> FigureLayout {
        let size = pixelSize
        let pad = theme.layoutPad * theme.fontSize * dpi / 72
        var suptitleItem: TextItem?
        var top = 0.0
        if let text = suptitle, !text.isEmpty {
            suptitleItem = TextItem.horizontal(text, font: Font(size: theme.suptitleSize * dpi / 72),
                                               color: theme.textColor, at: Point(x: size.width / 2, y: pad),
                                               .center, .top, canvas: canvas)
            top = suptitleItem!.bounds.maxY
        }
        var entries: [FigureLayout.Entry] = []
        if let grid {
            let gridAxes = axes.compactMap { axes -> (Axes, Int, Int)? in
                if case let .grid(row, col) = axes.placement { return (axes, row, col) }
                return nil
            }
            // Room needed outside each column (left/right) and row (top/bottom).
            var left = [Double](repeating: 0, count: grid.cols), right = left
            var above = [Double](repeating: 0, count: grid.rows), below = above
            var cells: [Rect] = []
            for _ in 0..<Figure.layoutRounds {
                cells = gridAxes.map { _, row, col in
                    cell(row: row, col: col, grid: grid, size: size, pad: pad, top: top,
                         left: left, right: right, above: above, below: below)
                }
                var newLeft = [Double](repeating: 0, count: grid.cols), newRight = newLeft
                var newAbove = [Double](repeating: 0, count: grid.rows), newBelow = newAbove
                entries = []
                for ((axes, row, col), cell) in zip(gridAxes, cells) {
                    let entry = Figure.place(axes, in: cell, canvas: canvas)
                    entries.append(entry)
                    let bounds = entry.decorations.bounds
                    // Sideways, a centred title only needs the room its slot (cell plus the other labels'
                    // room) lacks; reserving its whole overhang would shrink the box and widen the overhang.
                    let sides = entry.decorations.boundsWithoutTitle
                    var needLeft = max(0, cell.minX - sides.minX), needRight = max(0, sides.maxX - cell.maxX)
                    if let title = entry.decorations.title {
                        needLeft += max(0, (cell.minX - needLeft) - title.bounds.minX)
                        needRight += max(0, title.bounds.maxX - (cell.maxX + needRight))
                    }
                    newLeft[col] = max(newLeft[col], needLeft)
                    newRight[col] = max(newRight[col], needRight)
                    newAbove[row] = max(newAbove[row], cell.minY - bounds.minY)
                    newBelow[row] = max(newBelow[row], bounds.maxY - cell.maxY)
                }
                let settled = zip(newLeft + newRight + newAbove + newBelow, left + right + above + below)
                    .allSatisfy { abs($0 - $1) < 0.01 }
                (left, right, above, below) = (newLeft, newRight, newAbove, newBelow)
                if settled { break }
            }
        }
        for axes in self.axes {
            if case let .manual(fraction) = axes.placement {
                let cell = Rect(x: fraction.x * size.width, y: fraction.y * size.height,
                                width: fraction.width * size.width, height: fraction.height * size.height)
                entries.append(Figure.place(axes, in: cell, canvas: canvas))
            }
        }
        // Keep creation order for drawing.
        let ordered = self.axes.compactMap { axes in entries.first { $0.axes === axes } }
        for entry in ordered { entry.axes.box = entry.box }
        return FigureLayout(axes: ordered, suptitle: suptitleItem)
    }

    /// The box, view and decorations of one axes in a cell.
    static func place(_ axes: Axes, in cell: Rect, canvas: Canvas) -> FigureLayout.Entry {
        let limits = axes.viewLimits()
        let box = axes.box(in: cell, limits: limits)
        return FigureLayout.Entry(axes: axes, cell: cell, box: box, limits: limits,
                                  decorations: axes.decorations(box: box, limits: limits, canvas: canvas))
    }

    /// The cell rectangle of grid position (row, col) given the room reserved around every column and row.
    private func cell(row: Int, col: Int, grid: SubplotGrid, size: Size, pad: Double, top: Double,
                      left: [Double], right: [Double], above: [Double], below: [Double]) -> Rect {
        let (x, width) = Figure.span(index: col, ratios: grid.widthRatios, start: pad, length: size.width - 2 * pad,
                                     before: left, after: right, gap: pad)
        let (y, height) = Figure.span(index: row, ratios: grid.heightRatios, start: top + pad,
                                      length: size.height - top - 2 * pad, before: above, after: below, gap: pad)
        return Rect(x: x, y: y, width: width, height: height)
    }

    /// Start and length of slot `index` along one direction: each slot takes its share of what is left after the
    /// reserved room before/after every slot and the gaps between slots.
    static func span(index: Int, ratios: [Double], start: Double, length: Double,
                     before: [Double], after: [Double], gap: Double) -> (Double, Double) {
        let reserved = before.reduce(0, +) + after.reduce(0, +) + gap * Double(ratios.count - 1)
        let total = ratios.reduce(0, +)
        let free = max(minimumCellPixels * Double(ratios.count), length - reserved)
        var position = start
        for i in 0..<index {
            position += before[i] + free * ratios[i] / total + after[i] + gap
        }
        return (position + before[index], free * ratios[index] / total)
    }
}
