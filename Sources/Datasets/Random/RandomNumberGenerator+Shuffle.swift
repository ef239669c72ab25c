// MARK: - Bounded integers and Fisher–Yates, spelled out so results never depend on the standard library's choices

extension RandomNumberGenerator {
    /// A uniform integer in 0..<`bound` by Lemire's multiply-and-reject method (no modulo bias).
    mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "nextIndex(below:): bound must be positive, got \(bound)")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            // Reject the few low values that would favour some results: threshold = 2^64 mod range.
            let threshold = (0 &- range) % range
            while product.low < threshold {
                product = next().multipliedFullWidth(by: range)
            }
        }
        return Int(product.high)
    }

    /// The indices 0..<`count` in a uniformly random order (Fisher–Yates, from the back).
    mutating func permutation(of count: Int) -> [Int] {
        var order = Array(0..<count)
        var i = count - 1
        while i > 0 {
            order.swapAt(i, nextIndex(below: i + 1))
            i -= 1
        }
        return order
    }
}
