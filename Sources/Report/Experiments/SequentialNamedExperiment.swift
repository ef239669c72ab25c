import NN
import Notebook

/// Experiment 10: the `Sequential` built from named layers, and `model[0]` being the layer named `input_to_hidden`.
struct SequentialNamedExperiment: Experiment {
    let id = "sequential-named"
    let title = "nn.Sequential with named layers"

    func run(in context: ExperimentContext) throws -> ReportSection {
        var section = makeSection()
        var generator = context.generator(for: id)
        let model = Sequential.notebookNamed(generator: &generator)
        NotebookProse.sequentialNamed.forEach { section.paragraph($0) }
        section.output("print(model)", model.description)
        let byIndex = model[0]
        let byName = model["input_to_hidden"]
        section.output("print(model[0]); print(model.input_to_hidden)",
                       [byIndex.description, byName?.description ?? "None"].joined(separator: "\n"))
        let same = byName.map { $0 === byIndex } ?? false
        section.output("print(model[0] is model.input_to_hidden)", same ? "True" : "False")
        section.results = [
            "printout": .string(model.description),
            "sameObject": .bool(same),
            "parameterNames": .strings(model.namedParameters().map(\.name)),
        ]
        return section
    }
}
