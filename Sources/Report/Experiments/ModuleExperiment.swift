import NN
import Notebook

/// Experiment 5: the same network as a module, its printout, and the functional style giving the same outputs.
struct ModuleExperiment: Experiment {
    let id = "network-module"
    let title = "The network as a module"

    func run(in context: ExperimentContext) throws -> ReportSection {
        var section = makeSection()
        var generator = context.generator(for: id)
        let model = Network(generator: &generator)
        let images = context.firstBatch.images
        let inputs = images.view(images.shape[0], -1)              // (64, 784)
        let moduleOutput = model(inputs)                           // (64, 10)
        let functionalOutput = model.forwardFunctional(inputs)     // same weights, functional calls
        let maxDifference = zip(moduleOutput.storage, functionalOutput.storage).map { abs($0 - $1) }.max() ?? 0
        let identical = moduleOutput.storage == functionalOutput.storage
        NotebookProse.module.forEach { section.paragraph($0) }
        section.output("print(model)", model.description)
        section.output("print(model(inputs).shape)", moduleOutput.sizeDescription)
        section.output("print(torch.equal(model(inputs), model.forward_functional(inputs)))", identical ? "True" : "False")
        section.paragraph(identical
            ? "Both styles give bit-for-bit the same (64, 10) probabilities."
            : "The two styles differ by at most \(maxDifference), a rounding-level difference.")
        section.results = [
            "printout": .string(model.description),
            "outputShape": .ints(moduleOutput.shape),
            "functionalIdentical": .bool(identical),
            "maxDifference": .float(maxDifference),
            "parameterNames": .strings(model.namedParameters().map(\.name)),
        ]
        return section
    }
}
