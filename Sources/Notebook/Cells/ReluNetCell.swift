import Foundation
import NN

/// Cell 7: `model = ReluNet()` — its printout and its second layer's initial weight and bias; then, as the notebook
/// does, the first layer re-initialised in place (bias zeros, weight normal with std 0.01) and printed.
struct ReluNetCell: NotebookCell {
    static let id = "relunet"
    static let title = "ReluNet and its initial weights"

    /// The network, its first layer re-initialised: the forward-pass cell runs it.
    let model: ReluNet
    let section: NotebookSection
    let results: Results

    /// `report.json`'s results of the ReluNet section.
    struct Results: Encodable, Sendable {
        let printout: String
        /// The layer printed as initialised, and the bound ±1/√fan_in of its values.
        let printedLayer: String
        let bound: Float
        let largestInitialWeight: Float
        /// The layer re-initialised in place: its bias all zeros, its weight's mean and standard deviation after.
        let reinitialisedLayer: String
        let reinitialisedBiasIsZero: Bool
        let reinitialisedWeightMean: Float
        let reinitialisedWeightStd: Float
        let parameterNames: [String]
        /// The file the printed weights were loaded from (`--weights`); absent otherwise.
        let loadedWeights: String?
    }

    /// Creates ReluNet from the state's generator (three layers, each weight then bias), then redraws the first
    /// layer's weight from it. With loaded weights (`--weights`) the same numbers are drawn, then the loaded
    /// weights replace every layer and are what the section prints.
    init(state: inout NotebookState) {
        model = ReluNet(generator: state.generator)
        let loaded = state.weights
        var section = NotebookSection()
        // With loaded weights, the paragraphs on the initial values and their bound would describe numbers not shown.
        section.paragraphs(loaded == nil ? NotebookProse.reluNet : Array(NotebookProse.reluNet.prefix(1)))
        section.output("print(model)", model.description)
        if let loaded {
            Self.reinitialiseFirstLayer(of: model, generator: state.generator)
            state.loadWeights(into: model)
            section.paragraph(NotebookProse.loadedWeights(loaded.source))
        }

        // print(model.hidden_one_to_hidden_two.weight); print(model.hidden_one_to_hidden_two.bias)
        let printed = model.hiddenOneToHiddenTwo
        let bound = Linear.initialisationBound(inFeatures: printed.inFeatures)
        let largest = printed.weight.data.storage.map(abs).max() ?? 0
        section.output("print(model.hidden_one_to_hidden_two.weight)", printed.weight.description)
        section.output("print(model.hidden_one_to_hidden_two.bias)", printed.bias?.description ?? "None")
        section.paragraph("The bound is 1/√\(printed.inFeatures) = \(Self.significant(bound)); the largest weight in absolute value is \(Self.significant(largest)).")

        // model.input_to_hidden_one.bias.data.fill_(0); model.input_to_hidden_one.weight.data.normal_(std=0.01)
        let first = model.inputToHiddenOne
        if loaded == nil { Self.reinitialiseFirstLayer(of: model, generator: state.generator) }
        let after = first.weight.data.storage
        let mean = after.reduce(0, +) / Float(after.count)
        let std = (after.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(after.count)).squareRoot()
        let step = loaded == nil ? "model.input_to_hidden_one.bias.data.fill_(0); " : ""
        section.output("\(step)print(model.input_to_hidden_one.bias)", first.bias?.description ?? "None")
        section.output("\(loaded == nil ? "model.input_to_hidden_one.weight.data.normal_(std=0.01); " : "")print(model.input_to_hidden_one.weight)",
                       first.weight.description)
        section.paragraph("\(loaded == nil ? "After re-initialisation the" : "The loaded") first layer's \(after.count) weights have mean \(Self.significant(mean)) and standard deviation \(Self.significant(std)).")
        self.section = section
        results = Results(printout: model.description, printedLayer: "hidden_one_to_hidden_two", bound: bound,
                          largestInitialWeight: largest, reinitialisedLayer: "input_to_hidden_one",
                          reinitialisedBiasIsZero: first.bias?.data.storage.allSatisfy { $0 == 0 } ?? false,
                          reinitialisedWeightMean: mean, reinitialisedWeightStd: std,
                          parameterNames: model.namedParameters().map(\.name), loadedWeights: loaded?.source)
    }

    /// The notebook's `bias.data.fill_(0)` and `weight.data.normal_(std=0.01)` on the first layer, drawn from `generator`.
    private static func reinitialiseFirstLayer(of model: ReluNet, generator: TorchGenerator) {
        model.inputToHiddenOne.bias?.fill_(0)
        model.inputToHiddenOne.weight.data.normal_(mean: 0, std: 0.01, generator: generator)
    }

    /// A value with four significant digits, e.g. 0.08839 or 0.0001122.
    private static func significant(_ value: Float) -> String {
        String(format: "%.4g", Double(value))
    }
}
