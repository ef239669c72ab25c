/// The named steps of `nnreport generate`, in order; errors and timings carry these names.
public enum PipelineStage: String, CaseIterable, Codable, Sendable {
    /// Locate, check and hash the dataset files.
    case load
    /// Make the sections (their time without figure drawing and encoding).
    case experiments
    /// Draw figures (`SectionRecorder.render` times it).
    case figures
    /// Encode figures as PNG (`SectionRecorder.render` times it).
    case encoding
    /// Load the templates, render index.html and encode report.json.
    case templates
    /// Write the output folder atomically.
    case writing
}
