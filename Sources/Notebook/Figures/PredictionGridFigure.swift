import Plotting

/// Test digits in a grid, white on black, each titled with the trained network's answer; a mistake is framed in
/// red and titled in bold "answer (true label)", so it stands out among the right answers.
///
/// `images` are 784 values each (row-major 28×28, any range); `predicted` and `labels` index `classNames`.
/// Sized for a ~760 px column at font scales up to 1.5 (`theme`); larger scales crowd the layout.
public func predictionGridFigure(images: [[Float]], predicted: [Int], labels: [Int], classNames: [String],
                                 columns: Int = 8, theme: Theme = Theme()) throws -> NotebookFigure {
    let side = NotebookLayout.mnistSide
    guard !images.isEmpty, columns > 0 else { throw PlottingError.emptyData(what: "prediction grid images") }
    try PlottingError.checkLength(predicted.count, images.count, "predictions")
    try PlottingError.checkLength(labels.count, images.count, "labels")
    for image in images {
        try PlottingError.checkLength(image.count, side * side, "digit pixels")
        try PlottingError.checkFinite(image, "digit pixels")
    }
    let rows = (images.count + columns - 1) / columns
    let figure = try Figure(width: NotebookLayout.columnWidth, height: 1.2 * Double(rows) + 0.2, theme: theme)
    let panels = try figure.subplots(rows: rows, cols: columns)
    // The frame of a mistake: the image's edge in data coordinates (pixels span c-0.5 … c+0.5).
    let edge = Double(side) - 0.5
    let frame: (x: [Double], y: [Double]) = ([-0.5, edge, edge, -0.5, -0.5], [-0.5, -0.5, edge, edge, -0.5])
    var mistakes: [String] = []
    for (index, axes) in panels.enumerated() {
        axes.axisOff()
        guard index < images.count else { continue }
        try axes.imshow(images[index], rows: side, cols: side, cmap: .greysR)
        let answer = classNames[predicted[index]], truth = classNames[labels[index]]
        if predicted[index] == labels[index] {
            axes.title(answer)
        } else {
            axes.title("\(answer) (\(truth))", weight: .bold)
            try axes.plot(x: frame.x, y: frame.y, color: theme.color(3), lineWidth: 4)
            mistakes.append("\(truth) read as \(answer)")
        }
    }
    var altText = "A grid of \(images.count) test images, each titled with the trained network's answer; "
    altText += mistakes.isEmpty ? "all are right." : "\(images.count - mistakes.count) are right, and the "
        + "\(mistakes.count == 1 ? "mistake" : "\(mistakes.count) mistakes"), framed in red, \(mistakes.count == 1 ? "is" : "are"): "
        + AltText.list(mistakes) + "."
    return NotebookFigure(figure: figure, altText: altText)
}
