/// The whole report: title, sections in order, reproducibility record and timings.
public struct Report: Equatable, Sendable {
    /// Page title.
    public var title: String
    /// One-paragraph introduction under the title.
    public var introduction: String
    /// Sections in reading order.
    public var sections: [ReportSection]
    /// Seed, dataset, versions.
    public var reproducibility: Reproducibility
    /// Time of each pipeline stage, and whether timings are recorded at all.
    public var timings: StageTimings

    /// A report.
    public init(title: String, introduction: String, sections: [ReportSection], reproducibility: Reproducibility, timings: StageTimings) {
        self.title = title
        self.introduction = introduction
        self.sections = sections
        self.reproducibility = reproducibility
        self.timings = timings
    }
}
