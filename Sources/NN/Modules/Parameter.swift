/// A tensor owned by a module and shared by reference (`torch.nn.Parameter`).
///
/// `linear.weight` is a `Parameter`: in-place initialisers on it (`fill_`, `normal_`) change the
/// layer itself, as `model.fc.weight.data.normal_(std=0.01)` does in PyTorch. There is no
/// autograd; a parameter prints with `Parameter containing:` and `requires_grad=True`.
public final class Parameter {
    /// The values (`Parameter.data`); assigning or mutating it updates the owning module.
    public var data: Tensor {
        didSet { packedTranspose = nil }
    }

    /// `data`ᵀ packed for the native kernel, made on first use after each change of `data`.
    private var packedTranspose: PackedMatrix?

    /// Wraps `data` as a parameter.
    public init(_ data: Tensor) {
        self.data = data
    }

    /// The shape of `data`.
    public var shape: [Int] { data.shape }

    /// The number of elements of `data` (`numel()`).
    public var count: Int { data.count }

    /// `data`ᵀ packed for the active native kernel (a weight's right operand in x·Wᵀ), or nil under OpenBLAS.
    public func packedTransposed() -> PackedMatrix? {
        guard data.rank == 2, let set = MatrixKernel.active.instructionSet else { return nil }
        if let packedTranspose, packedTranspose.instructionSet == set { return packedTranspose }
        let packed = PackedMatrix(transposing: data, instructionSet: set)
        packedTranspose = packed
        return packed
    }

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
