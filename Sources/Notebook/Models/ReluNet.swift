import NN

/// The notebook's `ReluNet`: inputs → hidden one (ReLU) → hidden two (ReLU) → outputs (softmax).
///
/// Children, in the notebook's order: `input_to_hidden_one`, `hidden_one_to_hidden_two`,
/// `hidden_two_to_output`, `relu` (shared by both hidden layers), `softmax`.
public final class ReluNet: Module {
    /// Inputs to the first hidden layer.
    public let inputToHiddenOne: Linear
    /// First hidden layer to the second.
    public let hiddenOneToHiddenTwo: Linear
    /// Second hidden layer to the outputs.
    public let hiddenTwoToOutput: Linear
    /// The hidden activation, used after both hidden layers.
    public let relu = ReLU()
    /// The output activation, over the class dimension.
    public let softmax = Softmax(dim: 1)

    /// Creates the network, initialising its three layers in order from `generator`.
    public init(inputs: Int = 784, hiddenOne: Int = 128, hiddenTwo: Int = 64, outputs: Int = 10,
                generator: TorchGenerator) {
        inputToHiddenOne = Linear(inputs, hiddenOne, generator: generator)
        hiddenOneToHiddenTwo = Linear(hiddenOne, hiddenTwo, generator: generator)
        hiddenTwoToOutput = Linear(hiddenTwo, outputs, generator: generator)
        super.init()
        registerModule("input_to_hidden_one", inputToHiddenOne)
        registerModule("hidden_one_to_hidden_two", hiddenOneToHiddenTwo)
        registerModule("hidden_two_to_output", hiddenTwoToOutput)
        registerModule("relu", relu)
        registerModule("softmax", softmax)
    }

    /// The forward pass for a (batch, inputs) tensor; returns (batch, outputs) probabilities.
    // Not inlined, as `Network.forward`: Swift 6.3.1's optimizer crashes inlining it (nnreport-bench, release).
    @inline(never)
    public override func forward(_ input: Tensor) -> Tensor {
        let first = relu(inputToHiddenOne(input))
        let second = relu(hiddenOneToHiddenTwo(first))
        return softmax(hiddenTwoToOutput(second))
    }
}
