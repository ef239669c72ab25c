import Foundation

/// What every experiment gets: seed, dataset, values shared between experiments, and a stage clock.
public final class ExperimentContext {
    /// The seed of the run (`--seed`).
    public let seed: UInt64
    /// The dataset: both splits in memory and its files' records, read by the load step.
    public let dataset: LoadedDataset
    /// Seconds attributed to the figures and encoding stages by `timed(_:_:)`.
    private(set) var attributed: [PipelineStage: Double] = [:]
    /// Values computed once and shared (the first batch, a model that later sections print again).
    private var sharedValues: [String: Any] = [:]

    /// A context for one run.
    public init(seed: UInt64, dataset: LoadedDataset) {
        self.seed = seed
        self.dataset = dataset
    }

    /// Runs `body`, counting its time towards `stage` (`.figures` for drawing, `.encoding` for PNG encoding)
    /// rather than towards the experiments stage.
    @discardableResult
    public func timed<T>(_ stage: PipelineStage, _ body: () throws -> T) rethrows -> T {
        let start = monotonicSeconds()
        defer { attributed[stage, default: 0] += monotonicSeconds() - start }
        return try body()
    }

    /// The value stored under `key`, made by `make` on first use; later experiments get the same value.
    public func shared<T>(_ key: String, _ make: () throws -> T) rethrows -> T {
        if let value = sharedValues[key] {
            precondition(value is T, "shared value '\(key)' is a \(type(of: value)), not a \(T.self)")
            return value as! T  // checked by the precondition above
        }
        let value = try make()
        sharedValues[key] = value
        return value
    }
}
