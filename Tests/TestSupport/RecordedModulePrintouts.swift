import Foundation

/// `str(model)` of the notebook's modules as real PyTorch printed them, from `Tests/Fixtures/torch-print-reference.json`
/// (recorded by `scripts/torch_print_reference.py`), keyed by a label such as `Network`, `ReluNet`,
/// `SequentialIndexed` or `SequentialNamed[0]`.
public enum RecordedModulePrintouts {
    /// The printouts by label.
    public static func load() throws -> [String: String] {
        try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: RepositoryPaths.torchPrintReference)).modules
    }

    /// The part of the fixture read here.
    private struct Fixture: Decodable {
        let modules: [String: String]
    }
}
