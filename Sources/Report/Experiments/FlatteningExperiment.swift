import NN
import Notebook

/// Experiment 2: flattening the batch from (64, 1, 28, 28) to (64, 784).
struct FlatteningExperiment: Experiment {
    let id = "flattening"
    let title = "Flattening the input"

    func run(in context: ExperimentContext) throws -> ReportSection {
        var section = makeSection()
        let images = context.firstBatch.images
        let inputs = images.view(images.shape[0], -1)   // (64, 784)
        NotebookProse.flattening.forEach { section.paragraph($0) }
        section.output("print(images.shape)", images.sizeDescription)
        section.output("inputs = images.view(images.shape[0], -1); print(inputs.shape)", inputs.sizeDescription)
        section.results = [
            "before": .ints(images.shape),
            "after": .ints(inputs.shape),
            "valuesUnchanged": .bool(inputs.storage == images.storage),
        ]
        return section
    }
}
