import Datasets
import NN

/// Cell 1: `images, labels = next(iter(trainloader))` — the batch's shapes, its second image and that image's label.
struct DataCell: NotebookCell {
    static let id = "the-data"
    static let title = "The data: one batch of digits"

    /// The batch shown.
    let batch: Batch
    let section: NotebookSection
    let results: Results

    /// `report.json`'s results of the data section.
    struct Results: Encodable, Sendable {
        let imagesShape: [Int]
        let labelsShape: [Int]
        let shownIndex: Int
        let label: Int
        let labelName: String
        let batchLabels: [Int]
        let datasetIndices: [Int]
        let pixelRange: [Float]
    }

    /// Shows the state's current batch: the one `NotebookState` drew first.
    init(state: NotebookState) throws {
        batch = state.batch
        let images = batch.images                     // (64, 1, 28, 28), values in [-1, 1]
        let labels = batch.labelTensor                // (64)
        var section = NotebookSection()
        section.paragraphs(NotebookProse.data(state.kind))
        section.output("print(type(images)); print(images.shape); print(labels.shape)",
                       [String(reflecting: type(of: images)), images.sizeDescription, labels.sizeDescription].joined(separator: "\n"))

        // The notebook shows the second image of the batch.
        let shown = 1
        let label = batch.labels[shown]
        let labelName = state.classNames[label]
        let caption = state.labelsClassesByName
            ? "Image 1 of the first batch, labelled \(label) (\(labelName))."
            : "Image 1 of the first batch, labelled \(label)."
        section.figure(try digitFigure(pixels: images[shown].storage, label: labelName, subject: state.pictureSubject),
                       fileName: "digit.png", caption: caption)
        section.output("print(labels[1])", Tensor([Float(label)], shape: []).integerDescription)
        self.section = section
        results = Results(imagesShape: images.shape, labelsShape: labels.shape, shownIndex: shown, label: label,
                          labelName: labelName, batchLabels: batch.labels, datasetIndices: batch.indices,
                          pixelRange: [images.storage.min() ?? 0, images.storage.max() ?? 0])
    }
}
