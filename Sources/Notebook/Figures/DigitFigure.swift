import Plotting

/// The lesson's first figure: one MNIST digit through `Greys_r` (white on black) with its label as title.
///
/// `pixels` are 784 values in row-major 28×28 order, in any range (e.g. normalised to [-1, 1]); the colour
/// scale spans their minimum to maximum as matplotlib's `imshow` does. Pixel coordinates are kept as ticks,
/// the grid is off so no line crosses the digit.
/// `subject` names what the picture shows in the alt text ("handwritten digit", "piece of clothing").
/// Sized for a ~760 px column at font scales up to 1.5 (`theme`); larger scales crowd the layout.
public func digitFigure(pixels: [Float], label: String, subject: String = "handwritten digit",
                        theme: Theme = Theme()) throws -> NotebookFigure {
    let side = NotebookLayout.mnistSide
    try PlottingError.checkLength(pixels.count, side * side, "digit pixels")
    try PlottingError.checkFinite(pixels, "digit pixels")
    let figure = try Figure(width: 3.4, height: 3.6, theme: theme)
    let axes = try figure.subplots(rows: 1, cols: 1)[0]
    try axes.imshow(pixels, rows: side, cols: side, cmap: .greysR)
    axes.grid(false)
    axes.title(label)
    let low = Double(pixels.min()!), high = Double(pixels.max()!)
    // "Lit" pixels: brighter than the middle of the value range.
    let lit = pixels.filter { Double($0) > (low + high) / 2 }.count
    let altText = "A 28 by 28 pixel image of a \(subject) labelled \(label), white on black; "
        + "\(lit) of 784 pixels are bright (values from \(AltText.number(low)) to \(AltText.number(high)))."
    return NotebookFigure(figure: figure, altText: altText)
}
