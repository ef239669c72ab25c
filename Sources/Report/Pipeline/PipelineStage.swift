/// The named steps of `nnreport generate`, in order; errors and timings carry these names.
public enum PipelineStage: String, CaseIterable, Codable, Sendable {
    /// Locate, check and hash the dataset files.
    case load
    /// Run the experiments (their time without figure drawing and encoding).
    case experiments
    /// Draw figures (time experiments attribute with `ExperimentContext.timed(.figures)`).
    case figures
    /// Encode figures as PNG (time experiments attribute with `ExperimentContext.timed(.encoding)`).
    case encoding
    /// Load the templates, render index.html and encode report.json.
    case templates
    /// Write the output folder atomically.
    case writing
}
