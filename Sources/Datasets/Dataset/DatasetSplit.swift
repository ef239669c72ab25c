/// The training or the test part of a dataset.
public enum DatasetSplit: String, CaseIterable, Sendable {
    /// The training images (`train-*` files).
    case train
    /// The test images (`t10k-*` files).
    case test

    /// The prefix of the split's IDX file names ("train" or "t10k").
    public var filePrefix: String {
        switch self {
        case .train: return "train"
        case .test: return "t10k"
        }
    }
}
