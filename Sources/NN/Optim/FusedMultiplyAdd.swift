/// a·b + c rounded once, as PyTorch's vectorised `add_(…, alpha=)` computes it with an FMA
/// instruction: the product of two floats is exact in Double, so only the final rounding to Float
/// remains (a Double sum then a Float rounding could differ from a true FMA in rare halfway
/// cases, by one unit in the last place). Unlike `addingProduct`, this vectorises on every x86-64.
@inline(__always)
func fusedMultiplyAdd(_ a: Float, _ b: Float, _ c: Float) -> Float {
    Float(Double(a) * Double(b) + Double(c))
}
