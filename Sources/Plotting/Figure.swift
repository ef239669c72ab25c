/// A matplotlib-style figure: a white page of `width` × `height` inches at `dpi`, holding axes in a subplot grid
/// (or placed by hand), laid out tightly and drawn onto any `Canvas` in figure pixels.
public final class Figure {
    /// Width in inches.
    public let width: Double
    /// Height in inches.
    public let height: Double
    /// Pixels per inch at 1x (the canvas unit); 100 by default.
    public let dpi: Double
    /// The style shared by every axes of this figure.
    public let theme: Theme
    /// A centred title above all subplots (matplotlib `suptitle`).
    public var suptitle: String?
    /// The axes, in creation order (grid axes row by row).
    public private(set) var axes: [Axes] = []
    /// The subplot grid, once `subplots` has been called.
    var grid: SubplotGrid?

    /// The subplot grid shape and relative column widths / row heights.
    struct SubplotGrid {
        var rows: Int
        var cols: Int
        var widthRatios: [Double]
        var heightRatios: [Double]
    }

    /// A figure of the given size in inches; throws `PlottingError.invalidFigureSize` for zero, negative or non-finite sizes.
    public init(width: Double, height: Double, dpi: Double = 100, theme: Theme = Theme()) throws {
        guard width.isFinite, height.isFinite, dpi.isFinite, width > 0, height > 0, dpi > 0,
              width * dpi >= 1, height * dpi >= 1 else {
            throw PlottingError.invalidFigureSize(width: width, height: height, dpi: dpi)
        }
        guard theme.fontScale.isFinite, theme.fontScale > 0 else {
            throw PlottingError.invalidArgument(what: "font scale", reason: "\(theme.fontScale) is not positive and finite")
        }
        self.width = width
        self.height = height
        self.dpi = dpi
        self.theme = theme
    }

    /// The canvas size in figure pixels at 1x.
    public var pixelSize: Size { Size(width: width * dpi, height: height * dpi) }

    /// Creates a `rows` × `cols` grid of axes (matplotlib `plt.subplots`), returned row by row;
    /// optional ratios give relative column widths and row heights. Only one grid per figure.
    public func subplots(rows: Int, cols: Int, widthRatios: [Double]? = nil, heightRatios: [Double]? = nil) throws -> [Axes] {
        guard grid == nil else { throw PlottingError.invalidGrid("this figure already has a subplot grid") }
        guard (1...100).contains(rows), (1...100).contains(cols), rows * cols <= 100 else {
            throw PlottingError.invalidGrid("\(rows)x\(cols) must have 1...100 cells")
        }
        let widths = widthRatios ?? Array(repeating: 1, count: cols)
        let heights = heightRatios ?? Array(repeating: 1, count: rows)
        try PlottingError.checkLength(widths.count, cols, "width ratios")
        try PlottingError.checkLength(heights.count, rows, "height ratios")
        for ratio in widths + heights where !(ratio.isFinite && ratio > 0) {
            throw PlottingError.invalidGrid("ratio \(ratio) is not positive and finite")
        }
        grid = SubplotGrid(rows: rows, cols: cols, widthRatios: widths, heightRatios: heights)
        var created: [Axes] = []
        for row in 0..<rows {
            for col in 0..<cols {
                created.append(Axes(theme: theme, dpi: dpi, placement: .grid(row: row, col: col)))
            }
        }
        axes += created
        return created
    }

    /// Adds an axes whose box is `rect` in figure fractions (0...1, origin top left); tight layout leaves it alone.
    public func addAxes(_ rect: Rect) throws -> Axes {
        for value in [rect.x, rect.y, rect.width, rect.height] where !value.isFinite {
            throw PlottingError.nonFiniteValue(what: "axes rectangle", index: 0, value: value)
        }
        guard rect.width > 0, rect.height > 0 else {
            throw PlottingError.invalidArgument(what: "axes rectangle", reason: "width and height must be positive")
        }
        let created = Axes(theme: theme, dpi: dpi, placement: .manual(rect))
        axes.append(created)
        return created
    }

    /// Lays the figure out (measuring text on `canvas`) and draws it: background, then each axes
    /// (in creation order, each in its own z-order), then the suptitle.
    public func draw(on canvas: Canvas) {
        let layout = self.layout(on: canvas)
        let size = pixelSize
        canvas.fillRect(Rect(x: 0, y: 0, width: size.width, height: size.height), color: theme.figureBackground)
        for entry in layout.axes {
            entry.axes.draw(on: canvas, box: entry.box, limits: entry.limits, decorations: entry.decorations)
        }
        layout.suptitle?.draw(on: canvas)
    }
}
