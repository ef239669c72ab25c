import Plotting

/// Each optimiser's training loss against the step, smoothed by a trailing mean of `window` steps, one line each.
/// Only finite losses reach it (a diverged run's line stops before its non-finite step).
/// Sized for a ~760 px column at font scales up to 1.5 (`theme`); larger scales crowd the layout.
public func optimizerComparisonFigure(names: [String], stepLosses: [[Float]], window: Int,
                                      theme: Theme = Theme()) throws -> NotebookFigure {
    try PlottingError.checkLength(stepLosses.count, names.count, "loss series")
    for losses in stepLosses { try PlottingError.checkFinite(losses, "step losses", allowEmpty: true) }
    let figure = try Figure(width: NotebookLayout.columnWidth, height: 3.4, theme: theme)
    let axes = try figure.subplots(rows: 1, cols: 1)[0]
    var summaries: [String] = []
    for (index, (name, losses)) in zip(names, stepLosses).enumerated() where !losses.isEmpty {
        let smoothed = trailingMeans(losses, window: window)
        try axes.plot(x: smoothed.indices.map { Double($0 + 1) }, y: smoothed, color: theme.color(index), label: name)
        summaries.append("\(name) from \(AltText.number(smoothed[0])) to \(AltText.number(smoothed[smoothed.count - 1]))")
    }
    axes.legend(location: .best)   // where the three curves leave room depends on the data
    axes.title("Training loss by optimiser")
    axes.xlabel("step (batch)")
    axes.ylabel("NLL loss (mean of \(window) steps)")
    let altText = "Line plot of the training loss of \(names.count) optimisers over the same steps, each a mean of the last \(window) steps: "
        + (summaries.isEmpty ? "no finite loss." : AltText.list(summaries) + ".")
    return NotebookFigure(figure: figure, altText: altText)
}

/// Each value replaced by the mean of it and the `window − 1` before it (fewer at the start), summed in Double.
func trailingMeans(_ values: [Float], window: Int) -> [Double] {
    var sum = 0.0
    return values.indices.map { index in
        sum += Double(values[index])
        if index >= window { sum -= Double(values[index - window]) }
        return sum / Double(min(index + 1, window))
    }
}
