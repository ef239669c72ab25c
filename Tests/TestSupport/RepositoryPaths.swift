import Foundation

/// The repository's folders that tests read from, found from this file's path at compile time.
public enum RepositoryPaths {
    /// The repository's root (this file is `Tests/TestSupport/RepositoryPaths.swift`).
    public static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Tests/TestSupport
        .deletingLastPathComponent()   // Tests
        .deletingLastPathComponent()

    /// `Tests/<folder>`, e.g. `Tests/Goldens`.
    public static func tests(_ folder: String) -> URL {
        root.appendingPathComponent("Tests/\(folder)", isDirectory: true)
    }

    /// `Tests/Fixtures/torch-print-reference.json`: printouts recorded from real PyTorch.
    public static let torchPrintReference = tests("Fixtures").appendingPathComponent("torch-print-reference.json")
}
