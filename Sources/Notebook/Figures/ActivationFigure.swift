import Foundation
import Plotting

/// The lesson's activation functions: ReLU on −2…2 (200 points) with the bold title
/// "Rectified Linear Unit (ReLU)", and sigmoid and tanh beside it in narrower panels.
/// Sized for a ~760 px column at font scales up to 1.5 (`theme`); larger scales crowd the layout.
public func activationFigure(theme: Theme = Theme()) throws -> NotebookFigure {
    let count = 200
    // numpy.linspace(-2, 2, 200): both ends included.
    let x = (0..<count).map { -2 + 4 * Double($0) / Double(count - 1) }
    let relu = x.map { max(0, $0) }
    let sigmoid = x.map { 1 / (1 + exp(-$0)) }
    let tanh = x.map { Foundation.tanh($0) }

    let figure = try Figure(width: NotebookLayout.columnWidth, height: 3.0, theme: theme)
    let panels = try figure.subplots(rows: 1, cols: 3, widthRatios: [1.5, 1, 1])
    let series: [(title: String, y: [Double])] = [
        ("Rectified Linear Unit (ReLU)", relu), ("Sigmoid", sigmoid), ("Tanh", tanh),
    ]
    for (index, (axes, entry)) in zip(panels, series).enumerated() {
        try axes.plot(x: x, y: entry.y, color: figure.theme.color(index), label: entry.title)
        axes.title(entry.title, weight: .bold)
        axes.xlabel("x")
    }
    func range(_ y: [Double]) -> String {
        "from \(AltText.number(y.first!)) to \(AltText.number(y.last!))"
    }
    let altText = "Three line plots of activation functions for x from -2 to 2 (\(count) points each): "
        + "ReLU is 0 for negative x and then rises linearly, \(range(relu)); "
        + "sigmoid rises smoothly \(range(sigmoid)); tanh rises smoothly \(range(tanh))."
    return NotebookFigure(figure: figure, altText: altText)
}
