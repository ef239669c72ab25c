/// What a report shows: a title, an introduction, and sections made from the loaded dataset and the seed.
///
/// The pipeline hands the content a `SectionRecorder`; the content makes its sections one after another
/// through it, in the order of its `outline`.
public protocol ReportContent {
    /// Page title.
    var title: String { get }
    /// One-paragraph introduction under the title.
    var introduction: String { get }
    /// The sections' ids and titles in page order, known before anything runs.
    var outline: [SectionOutline] { get }

    /// Makes every section of `outline`, in order, through `recorder`.
    func makeSections(dataset: LoadedDataset, seed: UInt64, recorder: SectionRecorder) throws
}

/// A section as the outline announces it: its anchor id and title.
public struct SectionOutline: Equatable, Sendable {
    /// Stable anchor id (lowercase letters, digits and `-`).
    public var id: String
    /// Title.
    public var title: String

    /// An outline entry.
    public init(id: String, title: String) {
        self.id = id
        self.title = title
    }
}
