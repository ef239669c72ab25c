import NN

/// PyTorch's `transforms.Compose([ToTensor(), Normalize(...), ...])`: bytes to floats through the chain.
///
/// Every step maps one pixel on its own, so the whole chain is precomputed for the 256 possible
/// bytes: applying it is a table look-up per pixel, and gives exactly the values of the steps in turn.
public struct Compose: Sendable {
    /// The first step, bytes to [0, 1].
    public let toTensor: ToTensor
    /// The steps after `toTensor`, applied in order.
    public let normalizations: [Normalize]
    /// The chain's value for each byte 0…255.
    private let table: [Float]

    /// The lesson's transform: `Compose([ToTensor(), Normalize((0.5,), (0.5,))])`, bytes to [−1, 1].
    public static let mnist = Compose(ToTensor(), Normalize(mean: 0.5, std: 0.5))

    /// The chain `toTensor` then each of `normalizations`.
    public init(_ toTensor: ToTensor, _ normalizations: Normalize...) {
        self.init(toTensor, normalizations: normalizations)
    }

    /// The chain `toTensor` then each of `normalizations`.
    public init(_ toTensor: ToTensor, normalizations: [Normalize]) {
        self.toTensor = toTensor
        self.normalizations = normalizations
        table = (0...255).map { byte in
            normalizations.reduce(toTensor(UInt8(byte))) { value, step in step(value) }
        }
    }

    // MARK: - Applying

    /// One pixel through the chain.
    public func callAsFunction(_ byte: UInt8) -> Float { table[Int(byte)] }

    /// Bytes to a tensor of `shape` through the chain; the element count must match.
    public func callAsFunction(_ bytes: [UInt8], shape: [Int]) -> Tensor {
        let storage = [Float](unsafeUninitializedCapacity: bytes.count) { output, initialized in
            bytes.withUnsafeBufferPointer { apply($0, into: output) }
            initialized = bytes.count
        }
        return Tensor(shape: shape, storage: storage)
    }

    /// Writes the chain's value of each byte of `bytes` into `output`, which has the same count.
    public func apply(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<Float>) {
        precondition(bytes.count == output.count, "Compose.apply: \(bytes.count) bytes but room for \(output.count) floats")
        guard let source = bytes.baseAddress, let target = output.baseAddress else { return }
        table.withUnsafeBufferPointer { lookup in
            let values = lookup.baseAddress!
            for i in 0..<bytes.count { target[i] = values[Int(source[i])] }
        }
    }
}
