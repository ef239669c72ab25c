import NN
import Notebook

/// Experiment 3: a 784→256→10 network written with bare weight tensors and a sigmoid hidden layer.
struct WeightsNetworkExperiment: Experiment {
    let id = "network-from-tensors"
    let title = "A network from bare tensors"

    /// The key under which the (64, 10) output is shared with the softmax experiment.
    static let outputKey = "notebook.tensorNetworkOutput"

    func run(in context: ExperimentContext) throws -> ReportSection {
        var section = makeSection()
        let out = context.shared(Self.outputKey) { () -> Tensor in
            var generator = context.generator(for: id)
            let images = context.firstBatch.images
            let inputs = images.view(images.shape[0], -1)                  // (64, 784)
            let w1 = Tensor.randn([784, 256], generator: &generator)
            let b1 = Tensor.randn([256], generator: &generator)
            let w2 = Tensor.randn([256, 10], generator: &generator)
            let b2 = Tensor.randn([10], generator: &generator)
            let hidden = (inputs.matmul(w1) + b1).sigmoid()                // (64, 256)
            return hidden.matmul(w2) + b2                                  // (64, 10)
        }
        NotebookProse.weightsNetwork.forEach { section.paragraph($0) }
        section.output("print(out.shape)", out.sizeDescription)
        section.output("print(out[0])", out[0].description)
        section.results = [
            "outputShape": .ints(out.shape),
            "firstRow": .floats(out[0].storage),
        ]
        return section
    }
}
