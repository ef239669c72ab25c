import Foundation

/// A fully connected layer (`torch.nn.Linear`): y = x·Wᵀ + b.
///
/// x is (…, in_features), W is (out_features, in_features), b is (out_features); y is
/// (…, out_features). The product runs through the active `MatrixKernel` with the bias fused in and the weight
/// packed once until it changes (see `Tensor.linear`).
/// Initialisation follows PyTorch: W then b, each ~ U(−1/√in_features, 1/√in_features)
/// (Kaiming-uniform with a = √5 reduces to this bound).
public final class Linear: Module {
    /// The size of each input row.
    public let inFeatures: Int
    /// The size of each output row.
    public let outFeatures: Int
    /// The (out_features, in_features) weight.
    public let weight: Parameter
    /// The (out_features) bias, or nil when created with `bias: false`.
    public let bias: Parameter?

    /// A layer from `inFeatures` to `outFeatures`, initialised from `generator` (weight first, then bias).
    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, generator: inout Generator) {
        precondition(inFeatures >= 0 && outFeatures >= 0,
                     "Linear: negative sizes in_features=\(inFeatures), out_features=\(outFeatures)")
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        let bound = Self.initialisationBound(inFeatures: inFeatures)
        weight = Parameter(.uniform([outFeatures, inFeatures], low: -bound, high: bound, generator: &generator))
        self.bias = bias ? Parameter(.uniform([outFeatures], low: -bound, high: bound, generator: &generator)) : nil
        super.init()
        registerParameter("weight", weight)
        if let biasParameter = self.bias { registerParameter("bias", biasParameter) }
    }

    /// A layer initialised exactly as `nn.Linear(inFeatures, outFeatures)` is after the same seed.
    ///
    /// `kaiming_uniform_(weight, a=√5)` then `uniform_(bias, −1/√fan_in, 1/√fan_in)`, both bounds
    /// computed in Double as `torch.nn.init` computes them, drawing weight then bias.
    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, generator: TorchGenerator) {
        precondition(inFeatures >= 0 && outFeatures >= 0,
                     "Linear: negative sizes in_features=\(inFeatures), out_features=\(outFeatures)")
        self.inFeatures = inFeatures
        self.outFeatures = outFeatures
        weight = Parameter(Self.kaimingUniformWeight(inFeatures, outFeatures, generator: generator))
        self.bias = bias ? Parameter(Self.uniformBias(inFeatures, outFeatures, generator: generator)) : nil
        super.init()
        registerParameter("weight", weight)
        if let biasParameter = self.bias { registerParameter("bias", biasParameter) }
    }

    /// 1/√fan_in, PyTorch's bound for both weight and bias; 0 when there are no inputs.
    public static func initialisationBound(inFeatures: Int) -> Float {
        inFeatures > 0 ? 1 / Float(inFeatures).squareRoot() : 0
    }

    /// x·Wᵀ + b for `input` of shape (…, in_features).
    public override func forward(_ input: consuming Tensor) -> Tensor {
        Tensor.linear(input, weight: weight.tensor, bias: bias?.tensor, packedWeight: weight.packedTransposed())
    }

    /// `in_features=784, out_features=256, bias=True`.
    public override var extraRepresentation: String {
        "in_features=\(inFeatures), out_features=\(outFeatures), bias=\(bias == nil ? "False" : "True")"
    }
}

// MARK: - PyTorch's initialisation

extension Linear {
    /// `kaiming_uniform_(a=√5)`'s bound √3 · gain / √fan_in with gain = √(2 / (1 + a²)), in Double
    /// as `torch.nn.init` computes it (within an ulp of 1/√fan_in).
    static func kaimingUniformBound(fanIn: Int) -> Double {
        let slope = Double(5).squareRoot()
        let gain = (2.0 / (1 + pow(slope, 2))).squareRoot()
        return Double(3).squareRoot() * (gain / Double(fanIn).squareRoot())
    }

    /// `nn.Linear`'s bias bound 1/√fan_in in Double, 0 when there are no inputs.
    static func biasBound(fanIn: Int) -> Double {
        fanIn > 0 ? 1 / Double(fanIn).squareRoot() : 0
    }

    /// An (out, in) weight drawn by `kaiming_uniform_(a=√5)` from `generator`.
    private static func kaimingUniformWeight(_ inFeatures: Int, _ outFeatures: Int,
                                             generator: TorchGenerator) -> Tensor {
        var weight = Tensor.zeros([outFeatures, inFeatures])
        // PyTorch returns before computing a bound (fan_in may be 0) when the weight is empty.
        guard weight.count > 0 else { return weight }
        let bound = kaimingUniformBound(fanIn: inFeatures)
        weight.uniform_(from: -bound, to: bound, generator: generator)
        return weight
    }

    /// An (out) bias drawn by `uniform_(−1/√fan_in, 1/√fan_in)` from `generator`.
    private static func uniformBias(_ inFeatures: Int, _ outFeatures: Int, generator: TorchGenerator) -> Tensor {
        var bias = Tensor.zeros([outFeatures])
        let bound = biasBound(fanIn: inFeatures)
        // With no inputs PyTorch's bound is the integer 0, so the range starts at +0, not −0.
        bias.uniform_(from: bound == 0 ? 0 : -bound, to: bound, generator: generator)
        return bias
    }
}
