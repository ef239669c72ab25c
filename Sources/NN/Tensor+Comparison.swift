/// Approximate comparison (`torch.allclose`).
extension Tensor {
    /// True when shapes match and every |self − other| ≤ atol + rtol·|other| (`torch.allclose`).
    ///
    /// NaNs never compare close, as with PyTorch's default `equal_nan=False`. Unlike PyTorch,
    /// shapes must be equal rather than broadcastable: a shape difference is almost always a bug.
    public func allclose(_ other: Tensor, rtol: Float = 1e-5, atol: Float = 1e-8) -> Bool {
        guard shape == other.shape else { return false }
        return storage.withUnsafeBufferPointer { left in
            other.storage.withUnsafeBufferPointer { right in
                for index in 0..<left.count {
                    let a = left[index], b = right[index]
                    if a == b { continue }  // Also equal infinities.
                    if !(Swift.abs(a - b) <= atol + rtol * Swift.abs(b)) { return false }
                }
                return true
            }
        }
    }
}
