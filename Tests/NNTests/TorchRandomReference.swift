import Foundation
import TestSupport

/// Random numbers recorded from real PyTorch by `scripts/torch_rng_reference.py`
/// (`Tests/Fixtures/torch-rng-reference.json`); the tests replay each case with `TorchGenerator`.
struct TorchRandomReference: Decodable {
    typealias Recording = TorchRecording

    /// One call on the global generator and what it returned.
    struct Op: Decodable {
        /// `rand`, `uniform`, `randn`, `normal`, `randint`, `randperm`, `random_int64`, `manual_seed` or `linear`.
        let op: String
        let count: Int?
        let from: Double?
        let to: Double?
        let mean: Double?
        let std: Double?
        let low: Int64?
        let high: Int64?
        let seed: Int64?
        let inFeatures: Int?
        let outFeatures: Int?
        let result: Recording?
        /// `nn.Linear`'s parameters and the Double bit patterns of their bounds.
        let weight: Recording?
        let bias: Recording?
        let weightBoundBits: UInt64?
        let biasBoundBits: UInt64?

        enum CodingKeys: String, CodingKey {
            case op, count, from, to, mean, std, low, high, seed, result, weight, bias
            case inFeatures = "in", outFeatures = "out"
            case weightBoundBits = "weight_bound_bits", biasBoundBits = "bias_bound_bits"
        }
    }

    /// `torch.manual_seed(seed)` and then `ops` in order.
    struct Case: Decodable {
        /// A unique label, e.g. `seed42/randn-17`.
        let name: String
        let seed: Int64
        /// `torch.set_num_threads` at recording time.
        let threads: Int
        let ops: [Op]
    }

    /// A never-seeded `torch.Generator()`: its seed and first `rand(8)`.
    struct FreshGenerator: Decodable {
        let initialSeed: UInt64
        let rand: Recording

        enum CodingKeys: String, CodingKey {
            case rand
            case initialSeed = "initial_seed"
        }
    }

    /// `torch.__version__` of the recording, e.g. `2.13.0+cpu`.
    let torchVersion: String
    /// `torch.backends.cpu.get_cpu_capability()`, e.g. `AVX2`.
    let cpuCapability: String
    let freshGenerator: FreshGenerator
    let cases: [Case]

    enum CodingKeys: String, CodingKey {
        case cases
        case torchVersion = "torch_version", cpuCapability = "cpu_capability", freshGenerator = "fresh_generator"
    }

    /// The fixture next to the test targets: `Tests/Fixtures/torch-rng-reference.json`.
    static let fileURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Tests/NNTests
        .deletingLastPathComponent()   // Tests
        .appendingPathComponent("Fixtures/torch-rng-reference.json")

    /// The decoded fixture, read once for all tests.
    static let loaded = Swift.Result { try JSONDecoder().decode(TorchRandomReference.self, from: Data(contentsOf: fileURL)) }

    /// Reads and decodes the fixture.
    static func load() throws -> TorchRandomReference { try loaded.get() }

    /// The names of all cases (empty when the fixture cannot be read; another test reports that).
    static var caseNames: [String] { ((try? load())?.cases ?? []).map(\.name) }

    /// The case named `name`.
    func `case`(named name: String) throws -> Case {
        guard let found = cases.first(where: { $0.name == name }) else { throw MissingCase(name: name) }
        return found
    }

    /// A case name that is not in the fixture.
    struct MissingCase: Error, CustomStringConvertible {
        let name: String
        var description: String { "no case named \(name) in \(TorchRandomReference.fileURL.path)" }
    }
}

/// The little-endian bytes of `values`, one after the other.
