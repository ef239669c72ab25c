import NN

/// Where the notebook's content leaves the network its training section trained, for the caller to save.
public final class TrainedNetworkSlot {
    /// The trained network once the training section has run; nil before, or when nothing was trained.
    public internal(set) var network: Module?

    /// An empty slot.
    public init() {}
}
