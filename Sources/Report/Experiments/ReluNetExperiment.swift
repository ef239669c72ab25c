import Foundation
import NN
import Notebook

/// Experiment 7: ReluNet 784-128-64-10, its printout, its second layer's parameters, and re-initialisation.
struct ReluNetExperiment: Experiment {
    let id = "relunet"
    let title = "ReluNet and its initial weights"

    /// The key under which the re-initialised model is shared with the forward-pass experiment.
    static let modelKey = "notebook.reluNet"

    func run(in context: ExperimentContext) throws -> ReportSection {
        var section = makeSection()
        var generator = context.generator(for: id)
        let model = ReluNet(generator: &generator)
        let layer = model.hiddenOneToHiddenTwo
        let bound = Linear.initialisationBound(inFeatures: layer.inFeatures)
        NotebookProse.reluNet.forEach { section.paragraph($0) }
        section.output("print(model)", model.description)
        let weightBefore = layer.weight.data.storage
        let largest = weightBefore.map(abs).max() ?? 0
        section.output("print(model.hidden_one_to_hidden_two.weight)", layer.weight.description)
        if let bias = layer.bias {
            section.output("print(model.hidden_one_to_hidden_two.bias)", bias.description)
        }
        section.paragraph("The bound is 1/√\(layer.inFeatures) = \(significant(bound)); the largest weight in absolute value is \(significant(largest)).")

        layer.bias?.fill_(0)
        layer.weight.normal_(mean: 0, std: 0.01, generator: &generator)
        let after = layer.weight.data.storage
        let mean = after.reduce(0, +) / Float(after.count)
        let std = (after.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(after.count)).squareRoot()
        section.output("model.hidden_one_to_hidden_two.bias.data.fill_(0); print(model.hidden_one_to_hidden_two.bias)",
                       layer.bias?.description ?? "None")
        section.output("model.hidden_one_to_hidden_two.weight.data.normal_(std=0.01); print(model.hidden_one_to_hidden_two.weight)",
                       layer.weight.description)
        section.paragraph("After re-initialisation the \(after.count) weights have mean \(significant(mean)) and standard deviation \(significant(std)).")
        _ = context.shared(Self.modelKey) { model }

        section.results = [
            "printout": .string(model.description),
            "bound": .float(bound),
            "largestInitialWeight": .float(largest),
            "reinitialisedWeightMean": .float(mean),
            "reinitialisedWeightStd": .float(std),
            "parameterNames": .strings(model.namedParameters().map(\.name)),
        ]
        return section
    }

    /// A value with four significant digits, e.g. 0.08839 or 0.0001122.
    private func significant(_ value: Float) -> String {
        String(format: "%.4g", Double(value))
    }
}
