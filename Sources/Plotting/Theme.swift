/// The look of a figure: seaborn's "whitegrid" style in the "notebook" context, with a font scale.
///
/// Sizes are in points as in matplotlib's rcParams (seaborn 0.12 `rcmod.py`, notebook context, scaling 1.0);
/// `Axes` converts them to figure pixels with `pt * dpi / 72`.
public struct Theme: Equatable, Sendable {
    /// seaborn's `font_scale`: multiplies every font size, nothing else.
    public var fontScale: Double

    // MARK: - Font sizes (points, before `fontScale`)

    /// `font.size` (notebook context).
    public var baseFontSize: Double = 12
    /// `axes.labelsize`.
    public var baseLabelSize: Double = 12
    /// `axes.titlesize`.
    public var baseTitleSize: Double = 12
    /// `xtick.labelsize` / `ytick.labelsize`.
    public var baseTickLabelSize: Double = 11
    /// `legend.fontsize`.
    public var baseLegendSize: Double = 11

    // MARK: - Line widths and paddings (points)

    /// `axes.linewidth`: the spines.
    public var axesLineWidth: Double = 1.25
    /// `grid.linewidth`.
    public var gridLineWidth: Double = 1
    /// `lines.linewidth`: data lines.
    public var lineWidth: Double = 1.5
    /// `patch.linewidth`: the white edge around bars.
    public var patchLineWidth: Double = 1
    /// `lines.markersize`: marker diameter.
    public var markerSize: Double = 6
    /// `xtick.major.size`; whitegrid hides the tick marks but matplotlib still pads labels by it ("out" ticks).
    public var tickMajorSize: Double = 6
    /// `xtick.major.pad`: gap between tick and tick label.
    public var tickPad: Double = 3.5
    /// `axes.labelpad`: gap between tick labels and axis label.
    public var labelPad: Double = 4
    /// `axes.titlepad`: gap between the axes top and the title baseline.
    public var titlePad: Double = 6
    /// `figure.subplot` tight-layout pad, in units of `font.size` (matplotlib's default 1.08).
    public var layoutPad: Double = 1.08

    // MARK: - Colours

    /// `text.color`, `xtick.color`: seaborn's dark grey.
    public var textColor = Color(hex: 0x262626)
    /// `grid.color` in whitegrid.
    public var gridColor = Color(hex: 0xCCCCCC)
    /// `axes.edgecolor` in whitegrid: all four spines.
    public var spineColor = Color(hex: 0xCCCCCC)
    /// `axes.facecolor`.
    public var axesBackground = Color.white
    /// `figure.facecolor`.
    public var figureBackground = Color.white
    /// `patch.edgecolor` with `patch.force_edgecolor`: bars get white edges.
    public var patchEdgeColor = Color.white
    /// Whether axes draw a grid by default (`axes.grid`).
    public var gridByDefault = true
    /// seaborn's "deep" palette, the colour cycle.
    public var palette: [Color] = Theme.deepPalette

    /// seaborn "deep": blue, orange, green, red, purple, brown, pink, grey, olive, cyan.
    public static let deepPalette: [Color] = [
        0x4C72B0, 0xDD8452, 0x55A868, 0xC44E52, 0x8172B3, 0x937860, 0xDA8BC3, 0x8C8C8C, 0xCCB974, 0x64B5CD,
    ].map { Color(hex: $0) }

    /// seaborn `set(style="whitegrid", context="notebook", font_scale:)`.
    public init(fontScale: Double = 1) {
        self.fontScale = fontScale
    }

    /// The whitegrid theme with the given font scale.
    public static func whitegrid(fontScale: Double = 1) -> Theme { Theme(fontScale: fontScale) }

    // MARK: - Scaled font sizes (points)

    /// `font.size` after the font scale.
    public var fontSize: Double { baseFontSize * fontScale }
    /// `axes.labelsize` after the font scale.
    public var labelSize: Double { baseLabelSize * fontScale }
    /// `axes.titlesize` after the font scale.
    public var titleSize: Double { baseTitleSize * fontScale }
    /// Tick label size after the font scale.
    public var tickLabelSize: Double { baseTickLabelSize * fontScale }
    /// `legend.fontsize` after the font scale.
    public var legendSize: Double { baseLegendSize * fontScale }
    /// `figure.titlesize` ("large" = 1.2 × font.size) after the font scale.
    public var suptitleSize: Double { baseFontSize * 1.2 * fontScale }

    /// The palette colour for the `index`-th series, cycling.
    public func color(_ index: Int) -> Color {
        palette[((index % palette.count) + palette.count) % palette.count]
    }
}
