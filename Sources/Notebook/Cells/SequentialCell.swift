import NN

/// Cell 9: `model = nn.Sequential(...)` — its printout, a forward pass of a new batch's first image, and
/// `model[0]` with its weight.
struct SequentialCell: NotebookCell {
    static let id = "sequential"
    static let title = "nn.Sequential, indexed"

    /// The indexed Sequential, initialised from the state's generator.
    let model: Sequential
    /// The forward pass of a new batch's first image.
    let pass: OneImageForwardPass
    let section: NotebookSection
    let results: Results

    /// `report.json`'s results of the Sequential section: the forward pass's, then the model's.
    struct Results: Encodable, Sendable {
        let pass: OneImageForwardPass.Results
        let printout: String
        let firstLayer: String
        let firstWeightShape: [Int]
        let parameterNames: [String]

        private enum CodingKeys: CodingKey { case printout, firstLayer, firstWeightShape, parameterNames }

        /// The forward pass's keys and the model's, side by side in one object.
        func encode(to encoder: Encoder) throws {
            try pass.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(printout, forKey: .printout)
            try container.encode(firstLayer, forKey: .firstLayer)
            try container.encode(firstWeightShape, forKey: .firstWeightShape)
            try container.encode(parameterNames, forKey: .parameterNames)
        }
    }

    /// Creates the model from the state's generator, then `images, labels = next(iter(trainloader))` and `images[0]` through it.
    init(state: inout NotebookState) throws {
        model = Sequential.notebookIndexed(generator: state.generator)
        state.loadWeights(into: model)
        var section = NotebookSection()
        section.paragraphs(NotebookProse.sequential)
        section.output("print(model)", model.description)
        if let loaded = state.weights { section.paragraph(NotebookProse.loadedSequential(loaded.source)) }
        pass = OneImageForwardPass(model: model, batch: state.nextBatch())
        try pass.show(in: &section, state: state, fileName: "classify-sequential.png",
                      caption: state.weights == nil ? "The same kind of untrained network, built with Sequential, on a new image."
                          : "The same network with the loaded weights, built with Sequential, on a new image.")
        let first = model[0]
        guard let linear = first as? Linear else {
            preconditionFailure("the notebook's Sequential starts with a Linear layer")
        }
        section.output("print(model[0])", first.description)
        section.output("print(model[0].weight)", linear.weight.description)
        self.section = section
        results = Results(pass: pass.results, printout: model.description, firstLayer: first.description,
                          firstWeightShape: linear.weight.shape, parameterNames: model.namedParameters().map(\.name))
    }
}
