/// Placeholder experiment (to be replaced by the notebook's): lists the dataset's IDX files as read by the load step.
struct DatasetFilesExperiment: Experiment {
    /// Anchor id.
    let id = "dataset-files"
    /// Section title.
    let title = "The dataset files"

    /// A table of the files and a `sha256sum`-style listing, with records and digests as results.
    func run(in context: ExperimentContext) throws -> ReportSection {
        var section = makeSection()
        let files = context.dataset.files
        let records = files.map(\.records)
        section.paragraph("MNIST comes as four IDX files: training images and labels, test images and labels. Each file starts with a small header giving its dimensions, and the counts below are read from those headers, not assumed.")
        section.table(ReportTable(
            caption: "Files of \(context.dataset.kind.rawValue)",
            header: ["file", "records", "bytes"],
            rows: files.map { [$0.name, String($0.records), String($0.bytes)] }))
        section.paragraph("The SHA-256 digests identify the exact bytes this report was computed from; the command sha256sum prints the same lines.")
        section.output("sha256sum *-ubyte*", files.map { "\($0.sha256)  \($0.name)" }.joined(separator: "\n"))
        section.results = [
            "files": .strings(files.map(\.name)),
            "records": .ints(records),
            "trainRecords": .int(records[0]),
            "testRecords": .int(records[2]),
        ]
        return section
    }
}
