import NN

/// Cell 8: a new batch, its first image through the untrained ReluNet (first layer re-initialised) — the
/// probabilities, the arg-max and the classification bars.
struct ForwardPassCell: NotebookCell {
    static let id = "forward-pass"
    static let title = "A forward pass through an untrained network"

    /// The pass: the image, its label and the probabilities.
    let pass: OneImageForwardPass
    let section: NotebookSection
    let results: OneImageForwardPass.Results

    /// `images, labels = next(iter(trainloader))` from a new iterator, then `images[0]` through `reluNet`'s model.
    init(reluNet: ReluNetCell, state: inout NotebookState) throws {
        pass = OneImageForwardPass(model: reluNet.model, batch: state.nextBatch())
        var section = NotebookSection()
        section.paragraphs(state.weights.map { [NotebookProse.forwardPass[0], NotebookProse.loadedForwardPass($0.source)] }
                           ?? NotebookProse.forwardPass)
        try pass.show(in: &section, state: state, fileName: "classify-relunet.png",
                      caption: "The image fed to ReluNet (left) and the probability it gives each class (right).")
        self.section = section
        results = pass.results
    }
}
