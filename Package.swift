// swift-tools-version: 6.0
import PackageDescription

/// nnreport: runs the "Neural Networks in PyTorch" lesson with its own Swift engine and writes a static report.
let package = Package(
    name: "nnreport",
    products: [
        .executable(name: "nnreport", targets: ["nnreport"]),
        .executable(name: "nnreport-bench", targets: ["nnreport-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // MARK: - System-library shims
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CZlibSystem", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        // zlib's own zip reader (contrib/minizip), for checkpoints read from memory.
        .systemLibrary(name: "CMinizip", pkgConfig: "minizip", providers: [.apt(["libminizip-dev"])]),

        // MARK: - nnreport's own C: matrix-product kernels per instruction set, OpenBLAS through dlopen
        .target(name: "CKernels"),

        // MARK: - C helpers
        // PyTorch's float32 random transforms, with an AVX2+FMA path chosen at run time.
        .target(name: "CTorchRandom"),

        // MARK: - Libraries
        // Finds each target's resource bundle beside the executable (the sample, the fonts, the templates).
        .target(name: "BundledFiles"),
        .target(name: "NN", dependencies: ["CKernels", "CTorchRandom"]),
        .target(name: "Datasets", dependencies: ["NN", "CZlibSystem", "BundledFiles"], resources: [.copy("Resources/mnist-sample")]),
        .target(name: "ModelFiles", dependencies: [
            "NN", "CMinizip",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .target(name: "Plotting"),
        .target(name: "CairoBackend", dependencies: ["Plotting", "CCairo", "CPNG", "BundledFiles"], resources: [.copy("Resources/fonts")]),
        .target(name: "Notebook", dependencies: ["NN", "Datasets", "Plotting"]),
        .target(name: "Report", dependencies: [
            "Datasets", "Plotting", "Notebook", "BundledFiles",
            .product(name: "Mustache", package: "swift-mustache"),
        ], resources: [.copy("Resources/templates")]),
        .target(name: "NNReportCLI", dependencies: [
            "NN", "Datasets", "ModelFiles", "Notebook", "Report", "CairoBackend", "Plotting",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        // MARK: - Executables
        .executableTarget(name: "nnreport", dependencies: ["NNReportCLI"]),
        .executableTarget(name: "nnreport-bench", dependencies: ["NN", "Datasets", "Plotting", "CairoBackend", "Notebook", "Report", "NNReportCLI"]),

        // MARK: - Tests
        .target(name: "TestSupport", dependencies: ["Datasets", "Plotting", "CairoBackend"], path: "Tests/TestSupport"),
        .testTarget(name: "NNTests", dependencies: ["NN", "TestSupport"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "NN", "TestSupport"]),
        .testTarget(name: "ModelFilesTests", dependencies: [
            "ModelFiles", "NN", "Datasets",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting", "TestSupport"]),
        .testTarget(name: "NotebookTests", dependencies: ["Notebook", "NN", "Datasets", "Plotting", "TestSupport"]),
        .testTarget(name: "CairoBackendTests", dependencies: ["CairoBackend", "Plotting", "Notebook", "TestSupport"], exclude: ["Goldens"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Notebook", "NN", "Datasets", "Plotting"]),
        .testTarget(name: "CLITests", dependencies: ["NNReportCLI", "Report", "NN", "Datasets", "ModelFiles", "Notebook", "Plotting", "CairoBackend", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// MARK: - Fuzzing harnesses
// libFuzzer harnesses (`Fuzz/`), declared only when scripts/fuzz.sh builds them with NNREPORT_FUZZ=1 and
// `-sanitize=fuzzer`: each main hands its `LLVMFuzzerTestOneInput` to libFuzzer's driver, which a plain build lacks.
if Context.environment["NNREPORT_FUZZ"] == "1" {
    package.targets += [
        .target(name: "FuzzerDriver", path: "Fuzz/Driver"),
        .target(name: "FuzzSupport", dependencies: ["FuzzerDriver", "Datasets"], path: "Fuzz/Support"),
        .executableTarget(name: "FuzzIDX", dependencies: ["FuzzSupport"], path: "Fuzz/IDX"),
        .executableTarget(name: "FuzzIDXGzip", dependencies: ["FuzzSupport", "CZlibSystem"], path: "Fuzz/IDXGzip"),
        .executableTarget(name: "FuzzSafetensors", dependencies: ["FuzzSupport", "ModelFiles"], path: "Fuzz/Safetensors"),
        .executableTarget(name: "FuzzCheckpoint", dependencies: ["FuzzSupport", "ModelFiles"], path: "Fuzz/Checkpoint"),
        .executableTarget(name: "FuzzPickle", dependencies: [
            "FuzzSupport", "ModelFiles",
            .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ], path: "Fuzz/Pickle"),
        .executableTarget(name: "FuzzPNG", dependencies: ["FuzzSupport", "CairoBackend"], path: "Fuzz/PNG"),
    ]
}
