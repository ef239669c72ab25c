import Foundation
import Plotting

/// Where a training run is, reported after every step for a progress line on a terminal.
public struct TrainingProgress: Sendable {
    /// What receives the reports; it is called on the training thread after every step, so it must be quick.
    public typealias Handler = @Sendable (TrainingProgress) -> Void

    /// Which run: "training", or the optimiser of a comparison run.
    public let run: String
    /// The epoch (1-based) and how many there are.
    public let epoch: Int, epochs: Int
    /// The step (1-based) within the epoch and how many an epoch has.
    public let step: Int, stepsPerEpoch: Int
    /// The step's loss.
    public let loss: Float
    /// Training images per second so far in this epoch.
    public let imagesPerSecond: Double

    /// "epoch 2/5 · step 31/63 · loss 0.4132 · 162,000 images/s", prefixed by the run unless it is "training".
    public var line: String {
        let rate = AltText.grouped(imagesPerSecond.isFinite ? Int(imagesPerSecond.rounded()) : 0)
        let loss = loss.isFinite ? String(format: "%.4f", Double(loss)) : "\(loss)"
        let prefix = run == "training" ? "training" : "comparing \(run)"
        return "\(prefix): epoch \(epoch)/\(epochs) · step \(step)/\(stepsPerEpoch) · loss \(loss) · \(rate) images/s"
    }
}
