import NN

// MARK: - Whole-split tensors

extension MNISTDataset {
    /// Images `indices` through `transform` as a (B, 1, rows, cols) tensor; B = indices.count.
    public func imagesTensor(indices: [Int], transform: Compose = .mnist) -> Tensor {
        let perImage = pixelsPerImage
        let storage = [Float](unsafeUninitializedCapacity: indices.count * perImage) { output, initialized in
            images.withUnsafeBufferPointer { pixels in
                for (slot, index) in indices.enumerated() {
                    precondition((0..<count).contains(index), "MNISTDataset: index \(index) out of range 0..<\(count)")
                    transform.apply(UnsafeBufferPointer(rebasing: pixels[index * perImage ..< (index + 1) * perImage]),
                                    into: UnsafeMutableBufferPointer(rebasing: output[slot * perImage ..< (slot + 1) * perImage]))
                }
            }
            initialized = indices.count * perImage
        }
        return Tensor(shape: [indices.count, 1, rows, cols], storage: storage)
    }

    /// Every image through `transform` as one (count, 1, rows, cols) tensor.
    public func imagesTensor(transform: Compose = .mnist) -> Tensor {
        let storage = [Float](unsafeUninitializedCapacity: images.count) { output, initialized in
            HugePages.advise(UnsafeMutableRawBufferPointer(output))
            images.withUnsafeBufferPointer { transform.apply($0, into: output) }
            initialized = images.count
        }
        return Tensor(shape: [count, 1, rows, cols], storage: storage)
    }

    /// Labels `indices` as a Float tensor of shape (B), as PyTorch's loader stacks them.
    public func labelsTensor(indices: [Int]) -> Tensor {
        Tensor(shape: [indices.count], storage: indices.map { Float(labels[$0]) })
    }
}
