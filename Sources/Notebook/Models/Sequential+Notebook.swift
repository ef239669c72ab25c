import NN

/// The notebook's two `nn.Sequential` networks: 784 → 128 (ReLU) → 64 (ReLU) → 10 (softmax).
extension Sequential {
    /// The names of the notebook's `OrderedDict` version, in order.
    static let notebookNames = ["input_to_hidden", "relu_1", "hidden_to_hidden", "relu_2", "output", "softmax"]

    /// `nn.Sequential(Linear, ReLU, Linear, ReLU, Linear, Softmax(dim=1))`, children "0" … "5".
    public static func notebookIndexed(inputSize: Int = 784, hiddenSizes: (Int, Int) = (128, 64), outputSize: Int = 10,
                                       generator: TorchGenerator) -> Sequential {
        Sequential(notebookLayers(inputSize: inputSize, hiddenSizes: hiddenSizes, outputSize: outputSize,
                                  generator: generator))
    }

    /// The same layers named `input_to_hidden`, `relu_1`, `hidden_to_hidden`, `relu_2`, `output`, `softmax`.
    public static func notebookNamed(inputSize: Int = 784, hiddenSizes: (Int, Int) = (128, 64), outputSize: Int = 10,
                                     generator: TorchGenerator) -> Sequential {
        let layers = notebookLayers(inputSize: inputSize, hiddenSizes: hiddenSizes, outputSize: outputSize,
                                    generator: generator)
        do {
            return try Sequential(named: Array(zip(notebookNames, layers)))
        } catch {
            // The names are the constants above, distinct and dot-free: reaching here is a bug.
            preconditionFailure("Sequential.notebookNamed: \(error)")
        }
    }

    /// The lesson's training network: the indexed Sequential with `LogSoftmax(dim=1)` as its last layer, for `NLLLoss`.
    static func notebookTraining(generator: TorchGenerator) -> Sequential {
        var layers = notebookLayers(inputSize: 784, hiddenSizes: (128, 64), outputSize: 10, generator: generator)
        layers[layers.count - 1] = LogSoftmax(dim: 1)
        return Sequential(layers)
    }

    /// The six layers both versions share, created (and initialised) in order.
    private static func notebookLayers(inputSize: Int, hiddenSizes: (Int, Int), outputSize: Int,
                                       generator: TorchGenerator) -> [Module] {
        let first = Linear(inputSize, hiddenSizes.0, generator: generator)
        let second = Linear(hiddenSizes.0, hiddenSizes.1, generator: generator)
        let third = Linear(hiddenSizes.1, outputSize, generator: generator)
        return [first, ReLU(), second, ReLU(), third, Softmax(dim: 1)]
    }
}
