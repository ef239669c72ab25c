import Foundation
import Plotting

/// The loss of every training step as a thin line, with each epoch's mean as a dot at the epoch's middle step.
/// Only finite losses reach it (a diverged run stops before its non-finite step); losses beyond 1000, which
/// only a diverging run reaches, are drawn as log10(1 + loss) so the axis stays readable.
/// Sized for a ~760 px column at font scales up to 1.5 (`theme`); larger scales crowd the layout.
public func trainingLossFigure(stepLosses: [Float], epochMeans: [Double], stepsPerEpoch: Int,
                               theme: Theme = Theme()) throws -> NotebookFigure {
    try PlottingError.checkFinite(stepLosses, "step losses")
    try PlottingError.checkFinite(epochMeans, "epoch mean losses", allowEmpty: true)
    let figure = try Figure(width: NotebookLayout.columnWidth, height: 3.4, theme: theme)
    let axes = try figure.subplots(rows: 1, cols: 1)[0]
    let steps = stepLosses.indices.map { Double($0 + 1) }
    let logarithmic = (stepLosses.max() ?? 0) > 1000
    let scale: (Double) -> Double = logarithmic ? { log10(1 + $0) } : { $0 }
    try axes.plot(x: steps, y: stepLosses.map { scale(Double($0)) }, color: theme.color(0), lineWidth: theme.lineWidth / 2, label: "loss of one batch")
    let middles = epochMeans.indices.map { Double($0 * stepsPerEpoch) + Double(stepsPerEpoch + 1) / 2 }
    if !epochMeans.isEmpty {
        try axes.plot(x: middles, y: epochMeans.map(scale), color: theme.color(1), label: "mean of the epoch")
        try axes.scatter(x: middles, y: epochMeans.map(scale), color: theme.color(1))
    }
    axes.legend(location: logarithmic ? .lowerRight : .upperRight)   // a diverging loss rises to the upper right
    axes.title("Training loss")
    axes.xlabel("step (batch)")
    axes.ylabel(logarithmic ? "log10(1 + NLL loss)" : "NLL loss")
    var altText = "Line plot of the training loss over \(stepLosses.count) steps"
    if let first = stepLosses.first, let last = stepLosses.last {
        altText += ", from \(AltText.number(Double(first))) at the first step to \(AltText.number(Double(last))) at the last"
    }
    if !epochMeans.isEmpty {
        altText += "; epoch means " + AltText.list(epochMeans.map { AltText.number($0) })
    }
    return NotebookFigure(figure: figure, altText: altText + ".")
}

/// Train and test accuracy after each epoch, as lines with dots, on a 0–1 scale.
/// Sized for a ~760 px column at font scales up to 1.5 (`theme`); larger scales crowd the layout.
public func accuracyFigure(train: [Double], test: [Double], theme: Theme = Theme()) throws -> NotebookFigure {
    try PlottingError.checkFinite(train, "train accuracies")
    try PlottingError.checkFinite(test, "test accuracies")
    try PlottingError.checkLength(test.count, train.count, "test accuracies")
    let figure = try Figure(width: NotebookLayout.columnWidth, height: 3.2, theme: theme)
    let axes = try figure.subplots(rows: 1, cols: 1)[0]
    let epochs = train.indices.map { Double($0 + 1) }
    for (index, (label, values)) in [("train", train), ("test", test)].enumerated() {
        try axes.plot(x: epochs, y: values, color: theme.color(index), label: label)
        try axes.scatter(x: epochs, y: values, color: theme.color(index))
    }
    try axes.setYLim(0, 1)
    try axes.setXLim(0.5, Double(max(train.count, 1)) + 0.5)
    try axes.setXTicks(epochs, labels: epochs.map { String(Int($0)) })
    axes.legend(location: .lowerRight)
    axes.title("Accuracy after each epoch")
    axes.xlabel("epoch")
    axes.ylabel("share classified right")
    func percents(_ values: [Double]) -> String { AltText.list(values.map { AltText.number($0 * 100, significant: 3) + "%" }) }
    let altText = "Line plot of accuracy over \(train.count) epochs: train \(percents(train)); test \(percents(test))."
    return NotebookFigure(figure: figure, altText: altText)
}
