import NN

/// Cell 2: the batch flattened from (64, 1, 28, 28) to (64, 784).
struct FlatteningCell: NotebookCell {
    static let id = "flattening"
    static let title = "Flattening the input"

    /// `inputs = images.view(images.shape[0], -1)`: (64, 784).
    let inputs: Tensor
    let section: NotebookSection
    let results: Results

    /// `report.json`'s results of the flattening section.
    struct Results: Encodable, Sendable {
        let before: [Int]
        let after: [Int]
        let valuesUnchanged: Bool
    }

    /// Flattens the state's current batch.
    init(state: NotebookState) {
        let images = state.batch.images
        inputs = images.view(images.shape[0], -1)
        var section = NotebookSection()
        section.paragraphs(NotebookProse.flattening)
        section.output("print(images.shape)", images.sizeDescription)
        section.output("inputs = images.view(images.shape[0], -1); print(inputs.shape)", inputs.sizeDescription)
        self.section = section
        results = Results(before: images.shape, after: inputs.shape, valuesUnchanged: inputs.storage == images.storage)
    }
}
