/// The words the sections add when the models start from weights loaded from a file (`--weights`).
extension NotebookProse {
    /// Under a model's printout: where its weights came from, and why the random numbers are still drawn.
    static func loadedWeights(_ source: String) -> String {
        "The weights printed and used below were loaded from `\(source)` (`--weights`). The model was first created — and, here, its first layer re-initialised — exactly as the notebook does, drawing the same random numbers, so every later batch is shuffled as without the file; then the loaded weights replaced its own."
    }

    /// In place of "nothing has been learned yet" in the forward pass.
    static func loadedForwardPass(_ source: String) -> String {
        "The weights are those loaded from `\(source)`, so the probabilities are whatever the network in that file learned, or did not learn."
    }

    /// In the training section: where training starts from.
    static func loadedTraining(_ source: String) -> String {
        "Training starts from the weights loaded from `\(source)` (`--weights`): the new network draws its initial values as usual, so every shuffle stays the same, and then takes the loaded ones."
    }

    /// Under a Sequential's printout: its three linear layers hold the loaded weights.
    static func loadedSequential(_ source: String) -> String {
        "Its three linear layers hold the weights loaded from `\(source)` (`--weights`), drawn first as the notebook draws them and then replaced."
    }
}
