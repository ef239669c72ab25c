import NN

/// A cell that leaves a trained network behind: the training cell, whose network `--save-weights` writes.
public protocol TrainedNetworkCell {
    /// The network as training left it (the indexed Sequential ending in `LogSoftmax`).
    var trainedNetwork: Module { get }
}

extension TrainingCell: TrainedNetworkCell {
    /// The trained network.
    public var trainedNetwork: Module { model }
}
