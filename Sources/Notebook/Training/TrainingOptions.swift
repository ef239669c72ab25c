/// How the training section trains the lesson's network: `nnreport generate`'s `--epochs`, `--lr`,
/// `--momentum`, `--optimizer` and `--batch-size`.
///
/// The defaults are the lesson's: SGD with lr 0.003 and momentum 0.9, batches of 64, here for 5 epochs.
/// Zero epochs leave the notebook's ten sections alone.
public struct TrainingOptions: Sendable, Equatable {
    /// The optimiser that updates the weights.
    public enum OptimizerKind: String, Sendable, CaseIterable {
        /// `optim.SGD(model.parameters(), lr=lr, momentum=momentum)`.
        case sgd
        /// `optim.Adam(model.parameters(), lr=lr)` (momentum does not apply).
        case adam
    }

    /// Passes over the training split; 0 trains nothing.
    public var epochs: Int
    /// The learning rate.
    public var lr: Double
    /// SGD's momentum (ignored by Adam).
    public var momentum: Double
    /// Which optimiser.
    public var optimizer: OptimizerKind
    /// Images per step.
    public var batchSize: Int
    /// Whether to measure each epoch's time (false: every time is 0, so reruns give identical bytes).
    public var recordTimings: Bool

    /// Options; the defaults are the lesson's.
    public init(epochs: Int = 5, lr: Double = 0.003, momentum: Double = 0.9, optimizer: OptimizerKind = .sgd,
                batchSize: Int = 64, recordTimings: Bool = true) {
        precondition(epochs >= 0 && batchSize > 0 && lr > 0 && momentum >= 0, "TrainingOptions: invalid values")
        self.epochs = epochs
        self.lr = lr
        self.momentum = momentum
        self.optimizer = optimizer
        self.batchSize = batchSize
        self.recordTimings = recordTimings
    }

    /// No training: the notebook's sections only.
    public static let notebookOnly = TrainingOptions(epochs: 0)
}
