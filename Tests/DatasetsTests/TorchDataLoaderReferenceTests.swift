import Foundation
import NN
import TestSupport
import Testing
@testable import Datasets

/// The DataLoader part of `Tests/Fixtures/torch-rng-reference.json`, recorded from real PyTorch by
/// `scripts/torch_rng_reference.py`: `DataLoader(TensorDataset(torch.arange(size)), batch_size, shuffle)`
/// after `torch.manual_seed(seed)`, so each recorded batch is the list of dataset indices.
struct TorchDataLoaderReference: Decodable {
    typealias Recording = TorchRecording

    /// One thing done with the loader or the global generator, in order.
    struct Step: Decodable {
        /// `epoch`, `first_batch`, `iter`, `next` or `rand`.
        let step: String
        /// The sizes of an epoch's batches.
        let batchSizes: [Int]?
        /// `rand`'s element count.
        let count: Int?
        let result: Recording?

        enum CodingKeys: String, CodingKey {
            case step, count, result
            case batchSizes = "batch_sizes"
        }
    }

    /// One loader after `torch.manual_seed(seed)` and its steps.
    struct Case: Decodable {
        let name: String
        let seed: Int64
        let size: Int
        let batchSize: Int
        let shuffle: Bool
        let steps: [Step]

        enum CodingKeys: String, CodingKey {
            case name, seed, size, shuffle, steps
            case batchSize = "batch_size"
        }
    }

    let torchVersion: String
    let dataloader: [Case]

    enum CodingKeys: String, CodingKey {
        case dataloader
        case torchVersion = "torch_version"
    }

    /// The fixture: `Tests/Fixtures/torch-rng-reference.json`.
    static let fileURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()   // Tests/DatasetsTests
        .deletingLastPathComponent()   // Tests
        .appendingPathComponent("Fixtures/torch-rng-reference.json")

    /// Reads and decodes the fixture.
    static func load() throws -> TorchDataLoaderReference {
        try JSONDecoder().decode(TorchDataLoaderReference.self, from: Data(contentsOf: fileURL))
    }
}

@Suite("DataLoader in PyTorch's order, index for index (recorded fixture)")
struct TorchDataLoaderReferenceTests {
    /// A dataset of `count` one-pixel images whose pixel and label follow the index.
    private static func dataset(count: Int) throws -> MNISTDataset {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let indices = 0..<count
        let images = try directory.write(Fixture.images(count: count, rows: 1, cols: 1,
                                                        pixels: indices.map { UInt8($0 % 256) }), to: "images")
        let labels = try directory.write(Fixture.labels(indices.map { UInt8($0 % 10) }), to: "labels")
        return try MNISTDataset(imagesPath: images, labelsPath: labels, kind: .mnist, split: .train)
    }

    /// The indices of `batches`, one after the other, as int64 values.
    private static func indices(_ batches: [Batch]) -> [Int64] {
        batches.flatMap(\.indices).map(Int64.init)
    }

    @Test func fixtureCoversTwoEpochsAndSuccessiveFirstBatches() throws {
        let reference = try TorchDataLoaderReference.load()
        #expect(reference.torchVersion.hasPrefix("2.13"))
        let shuffled = reference.dataloader.filter { $0.shuffle && $0.size == 4000 && $0.batchSize == 64 }
        #expect(shuffled.count >= 3)
        for recorded in shuffled where recorded.name.contains("two-epochs") {
            #expect(recorded.steps.map(\.step) == ["epoch", "epoch", "first_batch", "first_batch", "first_batch", "rand"])
            #expect(recorded.steps[0].batchSizes == Array(repeating: 64, count: 62) + [32])
        }
        #expect(reference.dataloader.contains { !$0.shuffle })
        #expect(reference.dataloader.contains { $0.steps.map(\.step).contains("iter") })
    }

    @Test func everyRecordedLoaderStepMatchesPyTorch() throws {
        let reference = try TorchDataLoaderReference.load()
        let dataset = try Self.dataset(count: 4000)
        for recorded in reference.dataloader {
            try #require(recorded.size == dataset.count)
            let generator = TorchGenerator(seed: recorded.seed)
            let loader = DataLoader(dataset: dataset, batchSize: recorded.batchSize, shuffle: recorded.shuffle,
                                    generator: generator)
            var kept: DataLoader.Iterator?
            for (position, step) in recorded.steps.enumerated() {
                let label = "\(recorded.name) step \(position) (\(step.step))"
                var ours: [Int64]?
                switch step.step {
                case "epoch":
                    let batches = Array(loader)
                    #expect(batches.map(\.count) == step.batchSizes, "\(label): batch sizes")
                    ours = Self.indices(batches)
                case "first_batch":
                    var iterator = loader.makeIterator()
                    ours = iterator.next().map { Self.indices([$0]) }
                case "iter":
                    kept = loader.makeIterator()
                case "next":
                    ours = kept?.next().map { Self.indices([$0]) }
                case "rand":
                    ours = Tensor.rand([step.count ?? 0], generator: generator).storage.map { Int64($0.bitPattern) }
                default:
                    Issue.record("\(label): unknown step")
                }
                guard step.step != "iter" else { continue }
                let recording = try #require(step.result, "\(label): no result")
                let elements = try #require(ours, "\(label): nothing drawn")
                let problem = recording.mismatch(recorded: elements)
                #expect(problem == nil, "\(label): \(problem ?? "")")
            }
        }
    }

    @Test func eachFirstBatchTakesFourDrawsAndDiffers() throws {
        // next(iter(trainloader)) three times: base seed and sampler seed, two 64-bit draws each.
        let dataset = try Self.dataset(count: 300)
        let generator = TorchGenerator(seed: 42), mirror = TorchGenerator(seed: 42)
        let loader = DataLoader(dataset: dataset, batchSize: 64, generator: generator)
        var firsts: [[Int]] = []
        for _ in 0..<3 {
            var iterator = loader.makeIterator()
            let first = iterator.next()
            firsts.append(try #require(first).indices)
            _ = mirror.random64()
            let seed = mirror.randomInt64()
            #expect(firsts.last == Array(TorchGenerator(seed: seed).randperm(300).prefix(64)))
        }
        #expect(Set(firsts).count == 3)
        #expect(generator.random() == mirror.random())
    }

    @Test func withoutShufflingAnIteratorTakesOnlyItsBaseSeed() throws {
        let dataset = try Self.dataset(count: 100)
        let generator = TorchGenerator(seed: 1), mirror = TorchGenerator(seed: 1)
        let loader = DataLoader(dataset: dataset, batchSize: 10, shuffle: false, generator: generator)
        var iterator = loader.makeIterator()
        _ = mirror.random64()
        #expect(generator.random() == mirror.random(), "creating an iterator takes exactly two draws")
        #expect(iterator.next()?.indices == Array(0..<10))
        #expect(generator.random() == mirror.random(), "no sampler draws without shuffling")
    }

    @Test func seededLoaderKeepsItsXoshiroOrder() throws {
        // The PyTorch order is an addition: the seeded order stays as pinned in DataLoaderTests.
        let dataset = try Self.dataset(count: 4000)
        let seeded = DataLoader(dataset: dataset, seed: 0)
        #expect(seeded.torchGenerator == nil)
        let torchOrder = Self.indices(Array(DataLoader(dataset: dataset, generator: TorchGenerator(seed: 0))))
        #expect(Self.indices(Array(seeded)) == seeded.order(forEpoch: 0).map(Int64.init))
        #expect(seeded.order(forEpoch: 0).map(Int64.init) != torchOrder)
    }
}
