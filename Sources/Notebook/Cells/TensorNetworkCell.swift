import NN

/// Cell 3: a 784→256→10 network written with bare weight tensors and a sigmoid hidden layer.
struct TensorNetworkCell: NotebookCell {
    static let id = "network-from-tensors"
    static let title = "A network from bare tensors"

    /// `out = h @ w2 + b2`: (64, 10) scores for the flattened batch.
    let out: Tensor
    let section: NotebookSection
    let results: Results

    /// `report.json`'s results of the tensor-network section.
    struct Results: Encodable, Sendable {
        let outputShape: [Int]
        let firstRow: [Float]
    }

    /// Draws `w1 = randn(784, 256); b1 = randn(256); w2 = randn(256, 10); b2 = randn(10)` from the state's
    /// generator and runs the flattened batch through them.
    init(inputs: Tensor, state: inout NotebookState) {
        let w1 = Tensor.randn([784, 256], generator: state.generator)
        let b1 = Tensor.randn([256], generator: state.generator)
        let w2 = Tensor.randn([256, 10], generator: state.generator)
        let b2 = Tensor.randn([10], generator: state.generator)
        let h = (inputs.matmul(w1) + b1).sigmoid()    // (64, 256)
        out = h.matmul(w2) + b2                       // (64, 10)
        var section = NotebookSection()
        section.paragraphs(NotebookProse.tensorNetwork)
        section.output("print(out.shape)", out.sizeDescription)
        section.output("print(out[0])", out[0].description)
        self.section = section
        results = Results(outputShape: out.shape, firstRow: out[0].storage)
    }
}
