import NN
import Notebook
import Plotting

/// Experiment 1: the first batch from the data loader, its shapes, and one digit with its label.
struct DataExperiment: Experiment {
    let id = "the-data"
    let title = "The data: one batch of digits"

    func run(in context: ExperimentContext) throws -> ReportSection {
        var section = makeSection()
        let batch = context.firstBatch
        let images = batch.images                     // (64, 1, 28, 28), values in [-1, 1]
        let labels = batch.labelTensor                // (64)
        NotebookProse.data(context.dataset.kind).forEach { section.paragraph($0) }
        section.output("print(type(images)); print(images.shape); print(labels.shape)",
                       [String(reflecting: type(of: images)), images.sizeDescription, labels.sizeDescription].joined(separator: "\n"))

        // The notebook shows the second image of the batch.
        let shown = 1
        let label = batch.labels[shown]
        let labelName = context.classNames[label]
        let pixels = images[shown].storage            // 784 values
        let caption = context.labelsClassesByName
            ? "Image 1 of the first batch, labelled \(label) (\(labelName))."
            : "Image 1 of the first batch, labelled \(label)."
        let digit = try context.render(digitFigure(pixels: pixels, label: labelName, subject: context.pictureSubject), fileName: "digit.png", caption: caption)
        section.figure(digit)
        section.output("print(labels[1])", Tensor([Float(label)], shape: []).integerDescription)

        section.results = [
            "imagesShape": .ints(images.shape),
            "labelsShape": .ints(labels.shape),
            "shownIndex": .int(shown),
            "label": .int(label),
            "labelName": .string(labelName),
            "batchLabels": .ints(batch.labels),
            "datasetIndices": .ints(batch.indices),
            "pixelRange": .floats([images.storage.min() ?? 0, images.storage.max() ?? 0]),
        ]
        return section
    }
}
