/// Stateless forms of the layers (`torch.nn.functional`, imported as `F` in the notebook).
public enum Functional {
    /// x·Wᵀ + b (`F.linear`).
    public static func linear(_ input: Tensor, weight: Parameter, bias: Parameter?) -> Tensor {
        Tensor.linear(input, weight: weight.data, bias: bias?.data)
    }

    /// 1 / (1 + e^−x) element-wise (`F.sigmoid`).
    public static func sigmoid(_ input: Tensor) -> Tensor { input.sigmoid() }

    /// tanh x element-wise (`F.tanh`).
    public static func tanh(_ input: Tensor) -> Tensor { input.tanh() }

    /// max(0, x) element-wise (`F.relu`).
    public static func relu(_ input: Tensor) -> Tensor { input.relu() }

    /// Softmax along `dim` (`F.softmax(x, dim=1)`).
    public static func softmax(_ input: Tensor, dim: Int) -> Tensor { input.softmax(dim: dim) }
}
