import Datasets
import Foundation
import NN

/// `Tests/Fixtures/model-files/expected.json`, written by `scripts/torch_model_files_reference.py`
/// with real PyTorch: what every fixture must decode to.
struct ModelFilesReference: Decodable {
    /// One tensor as PyTorch holds it: SHA-256 of its float32 little-endian bytes and first values' bits.
    struct TensorValues: Decodable {
        let key: String
        let shape: [Int]
        let dtype: String
        let sha256: String
        let firstBits: [UInt32]
    }

    /// One state-dict fixture and its tensors in PyTorch's order.
    struct File: Decodable {
        let file: String
        let source: String
        let tensors: [TensorValues]
    }

    /// A hostile fixture and the global its pickle asks for.
    struct Hostile: Decodable {
        let file: String
        let refusedGlobal: String
    }

    /// `print(sd[key])` of one fixture.
    struct Printed: Decodable {
        let file: String
        let key: String
        let text: String
    }

    let torchVersion: String
    let torch1Version: String?
    let printed: Printed
    let pickleIdentical: String
    let hostile: [Hostile]
    let files: [File]

    /// The fixture folder: `Tests/Fixtures/model-files`.
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Tests/ModelFilesTests/Support
        .deletingLastPathComponent()   // Tests/ModelFilesTests
        .deletingLastPathComponent()   // Tests
        .appendingPathComponent("Fixtures/model-files")

    /// The decoded `expected.json`.
    static func load() throws -> ModelFilesReference {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode(ModelFilesReference.self,
                                  from: Data(contentsOf: folder.appendingPathComponent("expected.json")))
    }

    /// The expectations for fixture `name`.
    func file(_ name: String) -> File? {
        files.first { $0.file == name }
    }

    /// The URL of fixture `name`.
    static func url(_ name: String) -> URL {
        folder.appendingPathComponent(name)
    }
}

extension Tensor {
    /// SHA-256 of the elements as float32 little-endian bytes, as the fixture script hashes them.
    var float32SHA256: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 * count)
        for value in storage {
            withUnsafeBytes(of: value.bitPattern.littleEndian) { bytes += $0 }
        }
        return SHA256.hexDigest(of: bytes)
    }

    /// Every element's bit pattern, so comparisons are bit for bit (NaN and -0 included).
    var bits: [UInt32] { storage.map(\.bitPattern) }
}
