import Foundation
import NN

/// Cell 4: softmax written by hand over the tensor network's output, its shape, the 64 row sums and the figure
/// of their distance from 1.
struct SoftmaxCell: NotebookCell {
    static let id = "softmax-by-hand"
    static let title = "Softmax by hand"

    let section: NotebookSection
    let results: Results

    /// `report.json`'s results of the softmax section.
    struct Results: Encodable, Sendable {
        let probabilitiesShape: [Int]
        let sums: [Float]
        let maxDeviationFromOne: Double
        let allClose: Bool
    }

    /// Softmax along dimension 1 from elementary operations; the row total is a (rows, 1) column.
    static func softmax(_ x: Tensor) -> Tensor {
        let shifted = x - x.max(dim: 1, keepdim: true).values       // subtract each row's maximum: no overflow
        let numerator = shifted.exp()
        let denominator = numerator.sum(dim: 1).view(x.shape[0], 1) // (64, 1), not (64)
        return numerator / denominator
    }

    /// Applies the hand-written softmax to the tensor network's `out`.
    init(after network: TensorNetworkCell) throws {
        let probabilities = Self.softmax(network.out)
        let sums = probabilities.sum(dim: 1)                         // (64)
        let maxDeviation = sums.storage.map { abs(Double($0) - 1) }.max() ?? 0
        let allClose = sums.allclose(Tensor.ones([sums.count]))
        var section = NotebookSection()
        section.paragraphs(NotebookProse.softmax)
        section.output("print(probabilities.shape)", probabilities.sizeDescription)
        section.output("print(probabilities.sum(dim=1))", sums.description)
        section.paragraph("Largest distance of a row sum from 1: \(Self.scientific(maxDeviation)); "
            + (allClose ? "every sum is within allclose's tolerance (relative 1e-5, absolute 1e-8)." : "some sum is outside allclose's tolerance."))
        section.figure(try softmaxSumsFigure(sums: sums.storage), fileName: "softmax-sums.png",
                       caption: "Row sums of the hand-written softmax for the first batch.")
        self.section = section
        results = Results(probabilitiesShape: probabilities.shape, sums: sums.storage, maxDeviationFromOne: maxDeviation, allClose: allClose)
    }

    /// A deviation such as 5.96e-8, or 0 when exact.
    private static func scientific(_ value: Double) -> String {
        value == 0 ? "0 (every sum is exactly 1)" : String(format: "%.3g", value)
    }
}
