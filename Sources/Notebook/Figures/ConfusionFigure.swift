import Plotting

/// The test split's confusion matrix after training: rows the true class, columns the predicted class, each
/// cell coloured by its count (viridis, 0 to the largest count) and labelled with it — white on dark cells,
/// dark on light ones.
/// Sized for a ~760 px column at font scales up to 1.5 (`theme`); larger scales crowd the layout.
public func confusionFigure(_ counts: [[Int]], classNames: [String]? = nil, theme: Theme = Theme()) throws -> NotebookFigure {
    let size = counts.count
    guard size > 0, counts.allSatisfy({ $0.count == size }) else {
        throw PlottingError.invalidArgument(what: "confusion matrix", reason: "\(size) rows that are not all \(size) long")
    }
    let names = classNames ?? (0..<size).map(String.init)
    try PlottingError.checkLength(names.count, size, "class names")
    let largest = max(1, counts.joined().max() ?? 0)

    let figure = try Figure(width: NotebookLayout.columnWidth, height: 6.4, theme: theme)
    let axes = try figure.subplots(rows: 1, cols: 1)[0]
    // imshow puts row 0 at the top with y = row index.
    try axes.imshow(counts.joined().map { Float($0) }, rows: size, cols: size, cmap: .viridis, vmin: 0, vmax: Double(largest))
    let positions = (0..<size).map(Double.init)
    try axes.setXTicks(positions, labels: names)
    try axes.setYTicks(positions, labels: names)
    axes.grid(false)
    for (row, line) in counts.enumerated() {
        for (column, count) in line.enumerated() {
            let dark = Double(count) / Double(largest) < 0.6   // viridis is dark below ~60%
            try axes.text(String(count), x: Double(column), y: Double(row),
                          color: dark ? .white : theme.textColor)
        }
    }
    axes.title("Confusion matrix of the test split")
    axes.xlabel("predicted class")
    axes.ylabel("true class")

    let total = counts.joined().reduce(0, +)
    let right = (0..<size).map { counts[$0][$0] }.reduce(0, +)
    var worst: (count: Int, row: Int, column: Int) = (0, 0, 0)
    for (row, line) in counts.enumerated() {
        for (column, count) in line.enumerated() where row != column && count > worst.count { worst = (count, row, column) }
    }
    var altText = "A \(size) by \(size) grid of counts of test images by true class (rows) and predicted class (columns): "
        + "\(right) of \(total) lie on the diagonal"
    if worst.count > 0 {
        altText += "; the most frequent mistake takes \(names[worst.row]) for \(names[worst.column]) (\(worst.count) times)"
    }
    return NotebookFigure(figure: figure, altText: altText + ".")
}
