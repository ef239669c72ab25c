import Notebook
import CairoBackend
import Datasets

/// The experiments `nnreport generate` runs, in page order, and the library versions it reports.
public enum ExperimentRegistry {
    /// The notebook's experiments for a dataset and seed.
    public static func notebook(dataset: DatasetKind, seed: UInt64) -> [any Experiment] {
        [
            DataExperiment(), FlatteningExperiment(), WeightsNetworkExperiment(), SoftmaxExperiment(),
            ModuleExperiment(), ActivationsExperiment(), ReluNetExperiment(), ForwardPassExperiment(),
            SequentialExperiment(), SequentialNamedExperiment(),
        ]
    }

    /// Cairo and libpng version strings for the reproducibility block, as linked at run time.
    public static var libraryVersions: LibraryVersions {
        LibraryVersions(cairo: RenderingLibraries.cairoVersion, libpng: RenderingLibraries.libpngVersion)
    }
}
