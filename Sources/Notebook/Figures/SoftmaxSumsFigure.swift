import Plotting

/// The softmax check: each row sum of the batch's probabilities as a dot on a stem from the line y = 1.
///
/// Unlike the lesson's bar chart (all bars at 1 on a 0…1 scale, hiding any error), the y axis is centred on 1
/// with a half span of 1.2 × the largest deviation, at least 1e-6, so float32 rounding (~1e-7) is visible.
/// Sized for a ~760 px column at font scales up to 1.5 (`theme`); larger scales crowd the layout.
public func softmaxSumsFigure(sums: [Float], theme: Theme = Theme()) throws -> NotebookFigure {
    try PlottingError.checkFinite(sums, "softmax sums")
    let deviations = sums.map { Double($0) - 1 }
    let worst = AltText.ranking(deviations.map(abs))[0]
    let maxDeviation = abs(deviations[worst])
    let halfSpan = max(SoftmaxSumsScale.minimumHalfSpan, maxDeviation * 1.2)

    let figure = try Figure(width: NotebookLayout.columnWidth, height: 3.4, theme: theme)
    let axes = try figure.subplots(rows: 1, cols: 1)[0]
    try axes.axhline(y: 1, color: theme.color(3), lineWidth: theme.lineWidth, dashed: true, label: "exactly 1")
    try axes.stem(x: sums.indices.map(Double.init), y: sums, baseline: 1, color: theme.color(0), label: "row sum")
    try axes.setYLim(1 - halfSpan, 1 + halfSpan)
    axes.legend(location: .upperRight)
    axes.title("Softmax row sums")
    axes.xlabel("row of the batch")
    axes.ylabel("sum of probabilities")

    let low = Double(sums.min()!), high = Double(sums.max()!)
    let altText = "Dot plot of the \(sums.count) softmax row sums against a dashed line at exactly 1; "
        + "every sum lies within \(AltText.number(maxDeviation)) of 1 "
        + "(smallest \(AltText.number(low, significant: 9)), largest \(AltText.number(high, significant: 9)))."
    let caption = "Each dot is the sum of one row's probabilities; the dashed line marks exactly 1. "
        + "The y axis spans only 1 ± \(AltText.number(halfSpan)), so even a deviation the size of float32 "
        + "rounding would show; the largest here is \(AltText.number(maxDeviation)) (row \(worst))."
    return NotebookFigure(figure: figure, altText: altText, caption: caption)
}

/// The scale rule of the softmax sums figure.
enum SoftmaxSumsScale {
    /// The y axis never spans less than 1 ± this.
    static let minimumHalfSpan = 1e-6
}
