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
