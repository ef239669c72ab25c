import CairoBackend
import Datasets

/// The experiments `nnreport generate` runs, in page order, and the library versions it reports.
public enum ExperimentRegistry {
    /// The notebook's experiments for a dataset and seed.
    // TODO(lead): replace the placeholder with the notebook's ten experiments (Sources/Report/Experiments/).
    public static func notebook(dataset: DatasetKind, seed: UInt64) -> [any Experiment] {
        [DatasetFilesExperiment()]
    }

    /// Cairo and libpng version strings for the reproducibility block, as linked at run time.
    public static var libraryVersions: LibraryVersions {
        LibraryVersions(cairo: RenderingLibraries.cairoVersion, libpng: RenderingLibraries.libpngVersion)
    }
}
