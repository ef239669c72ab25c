/// A tensor owned by a module and shared by reference (`torch.nn.Parameter`), a leaf of the
/// autograd graph that requires grad by default.
///
/// `linear.weight` is a `Parameter`: in-place initialisers on it (`fill_`, `normal_`) change the
/// layer itself, as `model.fc.weight.data.normal_(std=0.01)` does in PyTorch. `data` holds the
/// values without history; `tensor` is the same values as the graph's leaf, which modules feed to
/// their operations so that `backward()` fills `grad`. A parameter prints with
/// `Parameter containing:` and, while it requires grad, `requires_grad=True`.
public final class Parameter {
    /// The values (`Parameter.data`), without history; assigning or mutating it updates the owning
    /// module and keeps the gradient, as in PyTorch.
    public var data: Tensor {
        didSet {
            packedTranspose = nil
            if data.node != nil { data.node = nil }  // `.data` is always detached.
        }
    }

    /// Whether backward passes compute this parameter's gradient (`requires_grad`); true by default.
    public var requiresGrad: Bool

    /// The leaf node that collects this parameter's gradient.
    private let leaf = GradNode()

    /// `data`ᵀ packed for the native kernel, made on first use after each change of `data`.
    private var packedTranspose: PackedMatrix?

    /// Wraps `data` as a parameter (its history, if any, is dropped).
    public init(_ data: Tensor, requiresGrad: Bool = true) {
        self.data = data.detached()
        self.requiresGrad = requiresGrad
    }

    /// The shape of `data`.
    public var shape: [Int] { data.shape }

    /// The number of elements of `data` (`numel()`).
    public var count: Int { data.count }

    // MARK: - Autograd

    /// `data` as the autograd leaf of this parameter when it requires grad, else `data` itself:
    /// what operations take so that gradients flow back here.
    public var tensor: Tensor {
        var tensor = data
        if requiresGrad { tensor.node = leaf }
        return tensor
    }

    /// The gradient accumulated by backward passes (`.grad`), of `data`'s shape; nil before the
    /// first pass and after `zeroGrad()`.
    public var grad: Tensor? {
        get { leaf.gradient }
        set {
            if let newValue {
                precondition(newValue.shape == data.shape,
                             "Parameter.grad: assigned gradient of shape \(newValue.shape) to a parameter of shape \(data.shape)")
            }
            leaf.gradient = newValue?.detached()
        }
    }

    /// Forgets the gradient (`grad = None`, what PyTorch 2's `zero_grad()` does by default).
    public func zeroGrad() {
        leaf.gradient = nil
    }

    // MARK: - Packing

    /// `data`ᵀ packed for the active native kernel (a weight's right operand in x·Wᵀ), or nil under OpenBLAS.
    public func packedTransposed() -> PackedMatrix? {
        guard data.rank == 2, let set = MatrixKernel.active.instructionSet else { return nil }
        if let packedTranspose, packedTranspose.instructionSet == set { return packedTranspose }
        let packed = PackedMatrix(transposing: data, instructionSet: set)
        packedTranspose = packed
        return packed
    }

    // MARK: - In-place initialisers

    /// Sets every element to `value` (`fill_`).
    public func fill_(_ value: Float) {
        data.fill_(value)
    }

    /// Replaces every element with a normal sample (`normal_(mean, std)`).
    public func normal_(mean: Float = 0, std: Float = 1, generator: inout Generator) {
        data.normal_(mean: mean, std: std, generator: &generator)
    }

    /// Replaces every element with a normal sample from PyTorch's generator (`normal_(mean, std)`).
    public func normal_(mean: Double = 0, std: Double = 1, generator: TorchGenerator) {
        data.normal_(mean: mean, std: std, generator: generator)
    }

    /// Replaces every element with a uniform sample in [`low`, `high`) (`uniform_`).
    public func uniform_(low: Float = 0, high: Float = 1, generator: inout Generator) {
        data.uniform_(low: low, high: high, generator: &generator)
    }
}
