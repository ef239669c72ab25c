import NN

/// The notebook's first network: 784 → 256 (sigmoid) → 10 (softmax over dim 1).
///
/// Children, in the notebook's order: `hidden`, `output`, `sigmoid`, `softmax`.
public final class Network: Module {
    /// Inputs to hidden layer, (784 → 256).
    public let hidden: Linear
    /// Hidden layer to the ten class scores, (256 → 10).
    public let output: Linear
    /// The hidden activation.
    public let sigmoid = Sigmoid()
    /// The output activation, over the class dimension.
    public let softmax = Softmax(dim: 1)

    /// Creates the network, initialising `hidden` then `output` from `generator`.
    public init(generator: TorchGenerator) {
        hidden = Linear(784, 256, generator: generator)
        output = Linear(256, 10, generator: generator)
        super.init()
        registerModule("hidden", hidden)
        registerModule("output", output)
        registerModule("sigmoid", sigmoid)
        registerModule("softmax", softmax)
    }

    /// hidden → sigmoid → output → softmax, for a (batch, 784) input; returns (batch, 10).
    // Not inlined: Swift 6.3.1's optimizer crashes ("leaked owned value" in CopyPropagation) when it inlines this
    // chain of modules into a caller that holds a `Network` (ModuleCell, in release builds). One call per batch:
    // no cost to speak of.
    @inline(never)
    public override func forward(_ input: Tensor) -> Tensor {
        softmax(output(sigmoid(hidden(input))))
    }

    /// The notebook's functional variant (`F.sigmoid`, `F.softmax`) over the same weights.
    public func forwardFunctional(_ input: Tensor) -> Tensor {
        let hiddenActivation = Functional.sigmoid(Functional.linear(input, weight: hidden.weight, bias: hidden.bias))
        return Functional.softmax(Functional.linear(hiddenActivation, weight: output.weight, bias: output.bias), dim: 1)
    }
}
