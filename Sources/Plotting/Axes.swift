/// One plotting area of a `Figure`, as matplotlib's `Axes`: artists in data coordinates, two axes with ticks,
/// labels, a title, a grid and spines, styled by the figure's `Theme`.
public final class Axes {
    /// The style facts (sizes in points) shared with the figure.
    public let theme: Theme
    /// Figure resolution, for converting points to figure pixels.
    let dpi: Double
    /// Where the layout puts this axes.
    let placement: Placement

    /// The drawables, in insertion order (drawn sorted by z-order).
    var artists: [Artist] = []
    /// Horizontal axis state.
    var xAxis = AxisState()
    /// Vertical axis state.
    var yAxis = AxisState()
    /// The title text and font weight.
    var titleText: String?
    /// The title's font weight.
    var titleWeight: Font.Weight = .normal
    /// Whether the grid is drawn (seaborn whitegrid: on).
    var gridVisible: Bool
    /// Whether spines, ticks, tick labels and axis labels are drawn (matplotlib `axis('off')` clears it).
    var axisVisible = true
    /// Data aspect (y unit length / x unit length on screen); nil fills the layout cell ("auto").
    var aspect: Double?
    /// Whether the y axis runs downward (images with origin "upper").
    var yInverted = false
    /// Next palette index for artists without an explicit colour.
    var nextColor = 0
    /// Where the legend goes; nil draws none.
    var legendLocation: LegendLocation?

    /// The data box in figure pixels, set by the last layout (`Figure.layout(on:)`).
    public internal(set) var box = Rect(x: 0, y: 0, width: 0, height: 0)

    /// Where an axes sits: a cell of the subplot grid or an explicit rectangle in figure fractions.
    enum Placement: Equatable {
        case grid(row: Int, col: Int)
        case manual(Rect)
    }

    /// Per-axis state: explicit limits and ticks, the label, the margin.
    struct AxisState {
        /// Explicit view limits (left/bottom first); nil autoscales.
        var limits: (Double, Double)?
        /// Explicit tick positions; nil uses the automatic locator.
        var ticks: [Double]?
        /// Explicit tick labels matching `ticks`.
        var tickLabels: [String]?
        /// Axis label text.
        var label: String?
        /// Autoscale margin as a fraction of the data span (matplotlib `axes.xmargin`).
        var margin = 0.05
    }

    /// An empty axes; figures create them (`Figure.subplots`, `Figure.addAxes`).
    init(theme: Theme, dpi: Double, placement: Placement) {
        self.theme = theme
        self.dpi = dpi
        self.placement = placement
        self.gridVisible = theme.gridByDefault
    }

    /// Converts points to figure pixels at this figure's dpi.
    func pixels(_ points: Double) -> Double { points * dpi / 72 }

    /// The next palette colour for an artist without an explicit colour.
    func cycleColor() -> Color {
        defer { nextColor += 1 }
        return theme.color(nextColor)
    }
}

// MARK: - Decorations

extension Axes {
    /// Sets the title (matplotlib `set_title`), bold if asked.
    public func title(_ text: String, weight: Font.Weight = .normal) {
        titleText = text
        titleWeight = weight
    }

    /// Sets the x axis label.
    public func xlabel(_ text: String) { xAxis.label = text }

    /// Sets the y axis label.
    public func ylabel(_ text: String) { yAxis.label = text }

    /// Shows or hides the grid.
    public func grid(_ visible: Bool) { gridVisible = visible }

    /// Hides spines, ticks, tick labels, axis labels and the grid (matplotlib `axis('off')`); the title stays.
    public func axisOff() { axisVisible = false }

    /// The tick label size in points.
    var tickLabelSizePoints: Double { theme.tickLabelSize }
}

// MARK: - Limits, ticks and aspect

extension Axes {
    /// Fixes the x view limits (matplotlib `set_xlim`); a zero-width range is widened like matplotlib's `nonsingular`.
    public func setXLim(_ lower: Double, _ upper: Double) throws {
        xAxis.limits = try Axes.checkedLimits(lower, upper, "x limits")
    }

    /// Fixes the y view limits (`set_ylim`); pass `lower > upper` to run the axis downward.
    public func setYLim(_ lower: Double, _ upper: Double) throws {
        yAxis.limits = try Axes.checkedLimits(lower, upper, "y limits")
    }

    /// Sets explicit x ticks, optionally with labels (one per tick), e.g. epoch numbers.
    public func setXTicks(_ ticks: [Double], labels: [String]? = nil) throws {
        try Axes.checkTicks(ticks, labels, "x")
        xAxis.ticks = ticks
        xAxis.tickLabels = labels
    }

    /// Sets explicit y ticks, optionally with labels (one per tick), e.g. class names.
    public func setYTicks(_ ticks: [Double], labels: [String]? = nil) throws {
        try Axes.checkTicks(ticks, labels, "y")
        yAxis.ticks = ticks
        yAxis.tickLabels = labels
    }

    /// Sets the data aspect ratio (matplotlib `set_aspect`): one y unit is `ratio` times as long on screen as one
    /// x unit; the axes box shrinks inside its layout cell, centred, to honour it.
    public func setAspect(_ ratio: Double) throws {
        guard ratio.isFinite, ratio > 0 else {
            throw PlottingError.invalidArgument(what: "aspect", reason: "\(ratio) is not a positive finite ratio")
        }
        aspect = ratio
    }

    /// Sets the autoscale margins as fractions of the data span (matplotlib default 0.05 each).
    public func margins(x: Double = 0.05, y: Double = 0.05) throws {
        for (value, name) in [(x, "x margin"), (y, "y margin")] where !(value.isFinite && value > -0.5) {
            throw PlottingError.invalidArgument(what: name, reason: "\(value) must be finite and above -0.5")
        }
        xAxis.margin = x
        yAxis.margin = y
    }

    /// Validated limits; a zero-width range is widened like matplotlib's `nonsingular`.
    static func checkedLimits(_ lower: Double, _ upper: Double, _ what: String) throws -> (Double, Double) {
        try PlottingError.checkFinite(lower, what)
        try PlottingError.checkFinite(upper, what)
        if lower == upper {
            let (low, high) = TickLocator.nonsingular(lower, upper)
            return (low, high)
        }
        return (lower, upper)
    }

    /// Throws for non-finite ticks or a label count that differs from the tick count.
    static func checkTicks(_ ticks: [Double], _ labels: [String]?, _ axis: String) throws {
        try PlottingError.checkFinite(ticks, "\(axis) ticks", allowEmpty: true)
        if let labels { try PlottingError.checkLength(labels.count, ticks.count, "\(axis) tick labels") }
    }
}
