import Foundation
import NN
import Notebook
import Plotting

/// Experiment 4: softmax written by hand, its shape, the 64 row sums and the figure of their distance from 1.
struct SoftmaxExperiment: Experiment {
    let id = "softmax-by-hand"
    let title = "Softmax by hand"

    /// Softmax along dimension 1 from elementary operations; the row total is a (rows, 1) column.
    static func softmax(_ x: Tensor) -> Tensor {
        let shifted = x - x.max(dim: 1, keepdim: true).values       // subtract each row's maximum: no overflow
        let numerator = shifted.exp()
        let denominator = numerator.sum(dim: 1).view(x.shape[0], 1) // (64, 1), not (64)
        return numerator / denominator
    }

    func run(in context: ExperimentContext) throws -> ReportSection {
        var section = makeSection()
        let out = context.shared(WeightsNetworkExperiment.outputKey) { () -> Tensor in
            preconditionFailure("the softmax experiment runs after the tensor network that makes its input")
        }
        let probabilities = Self.softmax(out)
        let sums = probabilities.sum(dim: 1)                         // (64)
        let deviations = sums.storage.map { abs(Double($0) - 1) }
        let maxDeviation = deviations.max() ?? 0
        let allClose = sums.allclose(Tensor.ones([sums.count]))
        NotebookProse.softmax.forEach { section.paragraph($0) }
        section.output("print(probabilities.shape)", probabilities.sizeDescription)
        section.output("print(probabilities.sum(dim=1))", sums.description)
        section.paragraph("Largest distance of a row sum from 1: \(formatScientific(maxDeviation)); "
            + (allClose ? "every sum is within allclose's tolerance (relative 1e-5, absolute 1e-8)." : "some sum is outside allclose's tolerance."))
        let figure = try context.render(softmaxSumsFigure(sums: sums.storage), fileName: "softmax-sums.png",
                                        caption: "Row sums of the hand-written softmax for the first batch.")
        section.figure(figure)
        section.results = [
            "probabilitiesShape": .ints(probabilities.shape),
            "sums": .floats(sums.storage),
            "maxDeviationFromOne": .double(maxDeviation),
            "allClose": .bool(allClose),
        ]
        return section
    }

    /// A deviation such as 5.96e-8, or 0 when exact.
    private func formatScientific(_ value: Double) -> String {
        value == 0 ? "0 (every sum is exactly 1)" : String(format: "%.3g", value)
    }
}
