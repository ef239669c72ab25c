import Report

extension ReportPipeline {
    /// The lesson's report with its figures drawn by Cairo: what `nnreport generate` runs.
    public static func notebook(_ configuration: ReportConfiguration) -> ReportPipeline {
        ReportPipeline(configuration: configuration, content: NotebookContent(), renderer: CairoFigureRendering())
    }
}
