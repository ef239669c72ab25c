import NN

/// Cell 5: `model = Network()` — its printout, and the functional style over the same weights giving the same outputs.
struct ModuleCell: NotebookCell {
    static let id = "network-module"
    static let title = "The network as a module"

    /// The network: `hidden` (784→256) then `output` (256→10), initialised from the state's generator.
    let model: Network
    let section: NotebookSection
    let results: Results

    /// `report.json`'s results of the module section.
    struct Results: Encodable, Sendable {
        let printout: String
        let outputShape: [Int]
        let functionalIdentical: Bool
        let maxDifference: Float
        let parameterNames: [String]
    }

    /// Creates the network from the state's generator and runs the flattened batch through both styles.
    init(inputs: Tensor, state: inout NotebookState) {
        model = Network(generator: state.generator)
        let moduleOutput = model(inputs)                           // (64, 10)
        let functionalOutput = model.forwardFunctional(inputs)     // the same weights, no new draws
        let maxDifference = zip(moduleOutput.storage, functionalOutput.storage).map { abs($0 - $1) }.max() ?? 0
        let identical = moduleOutput.storage == functionalOutput.storage
        var section = NotebookSection()
        section.paragraphs(NotebookProse.module)
        section.output("print(model)", model.description)
        section.output("print(model(inputs).shape)", moduleOutput.sizeDescription)
        section.output("print(torch.equal(model(inputs), model.forward_functional(inputs)))", identical ? "True" : "False")
        section.paragraph(identical
            ? "Both styles give bit-for-bit the same (64, 10) probabilities."
            : "The two styles differ by at most \(maxDifference), a rounding-level difference.")
        self.section = section
        results = Results(printout: model.description, outputShape: moduleOutput.shape, functionalIdentical: identical,
                          maxDifference: maxDifference, parameterNames: model.namedParameters().map(\.name))
    }
}
