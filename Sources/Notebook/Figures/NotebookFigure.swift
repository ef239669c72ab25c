import Plotting

/// A figure of the lesson together with its words: alt text for the image and, where the scale needs
/// explaining, a caption.
public struct NotebookFigure {
    /// The figure to draw.
    public let figure: Figure
    /// A description of what the figure shows, generated from its data.
    public let altText: String
    /// A caption for readers, or nil.
    public let caption: String?

    /// Bundles a figure with its alt text and caption.
    public init(figure: Figure, altText: String, caption: String? = nil) {
        self.figure = figure
        self.altText = altText
        self.caption = caption
    }
}

/// Sizes shared by the lesson's figures: widths fit a ~760 px text column at 1x (100 px per inch).
enum NotebookLayout {
    /// Full column width in inches.
    static let columnWidth = 7.6
    /// Pixels of one MNIST image side.
    static let mnistSide = 28
}
