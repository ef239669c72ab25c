/// One experiment of the report: it runs with the context and returns its section.
///
/// ```swift
/// struct SoftmaxByHand: Experiment {
///     let id = "softmax-by-hand"
///     let title = "Softmax by hand"
///     func run(in context: ExperimentContext) throws -> ReportSection {
///         var section = makeSection()
///         section.paragraph("Softmax turns each row of scores into probabilities that sum to one.")
///         section.output("probabilities.sum(dim=1)", sums.description)
///         section.results["sums"] = .floats(sums.storage)
///         return section
///     }
/// }
/// ```
public protocol Experiment {
    /// Stable anchor id of its section (lowercase letters, digits, `-`), unique in the report.
    var id: String { get }
    /// Title of its section.
    var title: String { get }
    /// Runs the experiment; the returned section must carry `id` and `title` (start from `makeSection()`).
    func run(in context: ExperimentContext) throws -> ReportSection
}

extension Experiment {
    /// An empty section with this experiment's id and title.
    public func makeSection() -> ReportSection {
        ReportSection(id: id, title: title)
    }
}
