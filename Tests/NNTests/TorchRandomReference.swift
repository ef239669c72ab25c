import Datasets
import Foundation

/// Random numbers recorded from real PyTorch by `scripts/torch_rng_reference.py`
/// (`Tests/Fixtures/torch-rng-reference.json`); the tests replay each case with `TorchGenerator`.
struct TorchRandomReference: Decodable {
    /// A recorded tensor: every element, or for large ones a SHA-256 and samples of the elements.
    struct Recording: Decodable {
        /// `float32` (elements are bit patterns) or `int64`.
        let dtype: String
        /// The number of elements.
        let count: Int
        /// Every element (at most 128 of them).
        let values: [Int64]?
        /// SHA-256 (hex) of the elements' little-endian bytes: 4 per float32, 8 per int64.
        let sha256: String?
        /// The first and last 8 elements of a digested result.
        let head: [Int64]?
        let tail: [Int64]?
        /// Elements 0, 4096, 8192, … of a digested result.
        let strided: [Int64]?

        /// The spacing of `strided`.
        static let stride = 4096

        /// Why `floats` differ from this float32 recording, or nil when every bit agrees.
        func mismatch(_ floats: [Float]) -> String? {
            guard dtype == "float32" else { return "recorded \(dtype), compared with float32 values" }
            return mismatch(floats.map { Int64($0.bitPattern) }, bytes: littleEndianBytes(floats.map(\.bitPattern)))
        }

        /// Why `integers` differ from this int64 recording, or nil when they agree.
        func mismatch(_ integers: [Int64]) -> String? {
            guard dtype == "int64" else { return "recorded \(dtype), compared with int64 values" }
            return mismatch(integers, bytes: littleEndianBytes(integers))
        }

        /// Compares elements (as recorded: bit patterns or integers) and their bytes.
        private func mismatch(_ elements: [Int64], bytes: [UInt8]) -> String? {
            guard elements.count == count else { return "\(elements.count) elements, PyTorch has \(count)" }
            if let values {
                guard values.count == count else { return "malformed result: \(values.count) values of \(count)" }
                guard let index = elements.indices.first(where: { elements[$0] != values[$0] }) else { return nil }
                let differing = zip(elements, values).filter { $0 != $1 }.count
                return "\(differing) of \(count) elements differ; first at \(index): \(describe(elements[index])), "
                    + "PyTorch \(describe(values[index]))"
            }
            guard let sha256, let head, let tail, let strided else { return "malformed result: no values, no digest" }
            if Array(elements.prefix(head.count)) != head {
                return "first elements \(elements.prefix(head.count).map(describe)), PyTorch \(head.map(describe))"
            }
            if Array(elements.suffix(tail.count)) != tail {
                return "last elements \(elements.suffix(tail.count).map(describe)), PyTorch \(tail.map(describe))"
            }
            let sampled = Swift.stride(from: 0, to: elements.count, by: Self.stride).map { elements[$0] }
            guard sampled.count == strided.count else { return "\(strided.count) strided samples, expected \(sampled.count)" }
            if let index = sampled.indices.first(where: { sampled[$0] != strided[$0] }) {
                return "element \(index * Self.stride): \(describe(sampled[index])), PyTorch \(describe(strided[index]))"
            }
            let digest = SHA256.hexDigest(of: bytes)
            return digest == sha256 ? nil : "SHA-256 \(digest) differs from PyTorch's \(sha256)"
        }

        /// An element as a reader wants it: a float with its bits, or an integer.
        private func describe(_ element: Int64) -> String {
            guard dtype == "float32" else { return "\(element)" }
            let bits = UInt32(truncatingIfNeeded: element)
            return "\(Float(bitPattern: bits)) (0x\(String(bits, radix: 16)))"
        }
    }

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
private func littleEndianBytes<Value: FixedWidthInteger>(_ values: [Value]) -> [UInt8] {
    values.map(\.littleEndian).withUnsafeBytes { Array($0) }
}
