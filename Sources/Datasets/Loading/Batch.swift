import NN

/// One mini-batch from a `DataLoader`: what PyTorch's `images, labels = next(iter(trainloader))` gives.
public struct Batch: Sendable {
    /// The transformed images, shape (B, 1, rows, cols).
    public let images: Tensor
    /// The class index of each image, length B.
    public let labels: [Int]
    /// The same labels as a Float tensor of shape (B).
    public let labelTensor: Tensor
    /// The dataset index of each image, length B.
    public let indices: [Int]

    /// The number of images in the batch (B).
    public var count: Int { indices.count }
}
