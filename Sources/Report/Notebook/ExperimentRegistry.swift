/// The experiments `nnreport generate` runs, in page order, and the library versions it reports.
public enum ExperimentRegistry {
    /// The notebook's experiments for a dataset and seed.
    // TODO(lead): replace the placeholder with the notebook's ten experiments (Sources/Report/Experiments/).
    public static func notebook(dataset: DatasetName, seed: UInt64) -> [any Experiment] {
        [DatasetFilesExperiment()]
    }

    /// Cairo and libpng version strings for the reproducibility block.
    // TODO(lead): wire `cairo_version_string()` and `png_get_libpng_ver(nil)` from CairoBackend.
    public static var libraryVersions: LibraryVersions {
        LibraryVersions(cairo: "not linked yet", libpng: "not linked yet")
    }
}
