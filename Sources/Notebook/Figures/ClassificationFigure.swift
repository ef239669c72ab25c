import Plotting

/// The lesson's `view_classify`: the 28×28 image on the left with its axes off, and on the right horizontal
/// bars of the class probabilities (x from 0 to 1.1, bar aspect 0.1, title "Class Probability"), labelled 0–9
/// or with the given class names (e.g. Fashion-MNIST's). Tick labels shrink if they would collide.
///
/// The image uses `cmap` (matplotlib's default viridis, as the lesson's helper passes none).
/// Sized for a ~760 px column at font scales up to 1.5 (`theme`); larger scales crowd the layout.
public func classificationFigure(pixels: [Float], probabilities: [Float], classNames: [String]? = nil,
                                 cmap: Colormap = .viridis, theme: Theme = Theme()) throws -> NotebookFigure {
    let side = NotebookLayout.mnistSide
    try PlottingError.checkLength(pixels.count, side * side, "image pixels")
    try PlottingError.checkFinite(probabilities, "class probabilities")
    let names = classNames ?? probabilities.indices.map { String($0) }
    try PlottingError.checkLength(names.count, probabilities.count, "class names")

    let figure = try Figure(width: NotebookLayout.columnWidth, height: 3.8, theme: theme)
    let panels = try figure.subplots(rows: 1, cols: 2)
    let (image, bars) = (panels[0], panels[1])
    try image.imshow(pixels, rows: side, cols: side, cmap: cmap)
    image.axisOff()
    let positions = probabilities.indices.map(Double.init)
    try bars.barh(y: positions, width: probabilities)
    try bars.setAspect(0.1)
    try bars.setYTicks(positions, labels: names)
    bars.title("Class Probability")
    try bars.setXLim(0, 1.1)

    let order = AltText.ranking(probabilities)
    func entry(_ i: Int) -> String { "\(names[i]) at \(AltText.number(Double(probabilities[i])))" }
    var altText = "A 28 by 28 pixel image beside a horizontal bar chart of \(probabilities.count) class probabilities; "
        + "highest: \(entry(order[0]))"
    if order.count > 1 { altText += ", next: \(entry(order[1]))" }
    altText += "."
    return NotebookFigure(figure: figure, altText: altText)
}
