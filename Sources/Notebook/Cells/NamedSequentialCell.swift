import NN

/// Cell 10: `model = nn.Sequential(OrderedDict(...))` — named layers, and `model[0]` being the layer named
/// `input_to_hidden`.
struct NamedSequentialCell: NotebookCell {
    static let id = "sequential-named"
    static let title = "nn.Sequential with named layers"

    /// The named Sequential, initialised from the state's generator.
    let model: Sequential
    let section: NotebookSection
    let results: Results

    /// `report.json`'s results of the named-Sequential section.
    struct Results: Encodable, Sendable {
        let printout: String
        let sameObject: Bool
        let parameterNames: [String]
    }

    /// Creates the model from the state's generator and compares `model[0]` with `model.input_to_hidden`.
    init(state: inout NotebookState) {
        model = Sequential.notebookNamed(generator: state.generator)
        state.loadWeights(into: model)
        var section = NotebookSection()
        section.paragraphs(NotebookProse.sequentialNamed)
        section.output("print(model)", model.description)
        if let loaded = state.weights { section.paragraph(NotebookProse.loadedSequential(loaded.source)) }
        let byIndex = model[0]
        let byName = model["input_to_hidden"]
        section.output("print(model[0]); print(model.input_to_hidden)",
                       [byIndex.description, byName?.description ?? "None"].joined(separator: "\n"))
        let same = byName.map { $0 === byIndex } ?? false
        section.output("print(model[0] is model.input_to_hidden)", same ? "True" : "False")
        self.section = section
        results = Results(printout: model.description, sameObject: same, parameterNames: model.namedParameters().map(\.name))
    }
}
