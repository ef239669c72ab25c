import NN
import Notebook

/// Experiment 9: the indexed `Sequential`, its printout, a forward pass, and `model[0]` with its weight.
struct SequentialExperiment: Experiment {
    let id = "sequential"
    let title = "nn.Sequential, indexed"

    func run(in context: ExperimentContext) throws -> ReportSection {
        var section = makeSection()
        var generator = context.generator(for: id)
        let model = Sequential.notebookIndexed(generator: &generator)
        NotebookProse.sequential.forEach { section.paragraph($0) }
        section.output("print(model)", model.description)
        let pass = OneImageForwardPass(model: model, context: context)
        for (label, text) in pass.printouts() { section.output(label, text) }
        section.figure(try pass.figure(context: context, fileName: "classify-sequential.png",
                                       caption: "The same kind of untrained network, built with Sequential, on a new image."))
        section.paragraph(pass.verdict(classNames: context.classNames))
        let first = model[0]
        section.output("print(model[0])", first.description)
        guard let linear = first as? Linear else {
            preconditionFailure("the notebook's Sequential starts with a Linear layer")
        }
        section.output("print(model[0].weight)", linear.weight.description)
        section.results = pass.results.merging([
            "printout": .string(model.description),
            "firstLayer": .string(first.description),
            "firstWeightShape": .ints(linear.weight.shape),
            "parameterNames": .strings(model.namedParameters().map(\.name)),
        ]) { current, _ in current }
        return section
    }
}
