import Testing
import NN
@testable import Datasets

/// Batches of the sample: shapes, values, coverage and seeded per-epoch order.
@Suite struct DataLoaderTests {
    private static let train = Result { try MNISTDataset(.mnistSample, split: .train) }

    private func trainSet() throws -> MNISTDataset { try Self.train.get() }

    @Test func firstBatchShapesAndPixelRange() throws {
        let loader = DataLoader(dataset: try trainSet(), batchSize: 64, shuffle: true, seed: 0)
        var iterator = loader.makeIterator()
        let first = iterator.next()
        let batch = try #require(first)
        #expect(batch.images.shape == [64, 1, 28, 28])
        #expect(batch.labelTensor.shape == [64])
        #expect(batch.labels.count == 64 && batch.count == 64)
        #expect(batch.images.storage.allSatisfy { (-1...1).contains($0) })
        #expect(batch.images.storage.min() == -1)
        #expect(batch.images.storage.max() == 1)
    }

    @Test func batchHoldsTheTransformedImagesAndLabelsOfItsIndices() throws {
        let dataset = try trainSet()
        let loader = DataLoader(dataset: dataset, seed: 3)
        var iterator = loader.makeIterator()
        let first = iterator.next()
        let batch = try #require(first)
        for (slot, index) in batch.indices.enumerated() {
            #expect(batch.labels[slot] == dataset.label(at: index))
            #expect(batch.labelTensor.storage[slot] == Float(dataset.labels[index]))
            let image = Array(batch.images.storage[slot * 784 ..< (slot + 1) * 784])
            #expect(image == dataset.pixels(at: index).map { Compose.mnist($0) })
        }
    }

    @Test func batchCoversDistinctIndicesAndAnEpochCoversAll() throws {
        let loader = DataLoader(dataset: try trainSet(), seed: 11)
        let batches = Array(loader)
        #expect(Set(batches[0].indices).count == 64)
        let all = batches.flatMap(\.indices)
        #expect(all.count == 4000)
        #expect(Set(all) == Set(0..<4000))
    }

    @Test func lastPartialBatchIsKept() throws {
        let loader = DataLoader(dataset: try trainSet(), batchSize: 64, seed: 0)
        #expect(loader.batchCount == 63)
        let sizes = loader.map(\.count)
        #expect(sizes.count == 63)
        #expect(sizes.dropLast().allSatisfy { $0 == 64 })
        #expect(sizes.last == 32)  // 4000 − 62 × 64
        let lastImages = try #require(Array(loader).last)
        #expect(lastImages.images.shape == [32, 1, 28, 28])
        #expect(lastImages.labelTensor.shape == [32])
    }

    @Test func sameSeedSameOrderNewEpochNewOrder() throws {
        let dataset = try trainSet()
        let first = DataLoader(dataset: dataset, seed: 42)
        let second = DataLoader(dataset: dataset, seed: 42)
        let epoch0 = Array(first).flatMap(\.indices)
        #expect(epoch0 == Array(second).flatMap(\.indices))
        // Iterating again is the next epoch: a different order, still deterministic.
        let epoch1 = Array(first).flatMap(\.indices)
        #expect(epoch1 != epoch0)
        #expect(epoch1 == second.order(forEpoch: 1))
        #expect(first.epochsStarted == 2)
        #expect(DataLoader(dataset: dataset, seed: 43).order(forEpoch: 0) != epoch0)
    }

    @Test func orderIsPinnedAcrossPlatformsAndVersions() throws {
        // Reference values from an independent Python re-implementation of NN.Generator's algorithm (SplitMix64
        // seeding → xoshiro256** → Lemire's bounded integers → Fisher–Yates from the back), run on its own:
        // epoch e's seed is the (e+1)-th draw of a generator seeded with the loader's seed, and the order is the
        // permutation of 0..<4000 drawn by a generator seeded with that. The same script reproduces
        // GeneratorTests' raw streams for seeds 0 and 42.
        let dataset = try trainSet()
        let seed0 = DataLoader(dataset: dataset, seed: 0)
        #expect(Array(seed0.order(forEpoch: 0).prefix(8)) == [1654, 2754, 3936, 1010, 2026, 2279, 1768, 2324])
        #expect(Array(seed0.order(forEpoch: 1).prefix(8)) == [903, 2327, 3796, 1107, 3658, 146, 2904, 1370])
        let seed42 = DataLoader(dataset: dataset, seed: 42)
        #expect(Array(seed42.order(forEpoch: 0).prefix(8)) == [2953, 3499, 408, 119, 619, 2855, 959, 3953])
        #expect(Array(seed42.order(forEpoch: 1).prefix(8)) == [659, 3080, 1541, 2488, 3951, 2760, 2268, 2908])
    }

    @Test func withoutShuffleTheOrderIsTheDatasetOrder() throws {
        let loader = DataLoader(dataset: try trainSet(), batchSize: 1000, shuffle: false)
        let batches = Array(loader)
        #expect(batches.count == 4)
        #expect(batches[1].indices == Array(1000..<2000))
        #expect(Array(loader).flatMap(\.indices) == Array(0..<4000))
    }

    @Test func anIteratorDrawingFromTheCallersGeneratorTakesTheBaseSeedThenTheSamplersSeed() throws {
        let dataset = try trainSet()
        let loader = DataLoader(dataset: dataset, batchSize: 64)
        var generator = Generator(seed: 9)
        var first = loader.makeIterator(drawingFrom: &generator)
        var second = loader.makeIterator(drawingFrom: &generator)
        // By hand: each iterator draws the base seed (unused), then the seed of its own permutation generator.
        var reference = Generator(seed: 9)
        func expectedOrder() -> [Int] {
            _ = reference.next()
            var sampler = Generator(seed: reference.next())
            return sampler.permutation(dataset.count)
        }
        let firstOrder = expectedOrder(), secondOrder = expectedOrder()
        let firstBatch = first.next(), secondBatch = second.next(), firstNextBatch = first.next()
        #expect(firstBatch?.indices == Array(firstOrder.prefix(64)))
        #expect(secondBatch?.indices == Array(secondOrder.prefix(64)))
        #expect(firstNextBatch?.indices == Array(firstOrder[64..<128]))
        #expect(generator.next() == reference.next(), "two draws per iterator, no more")
        #expect(loader.epochsStarted == 0, "the loader's own seeded epochs are not involved")
        // Without shuffling only the base seed is drawn.
        var unshuffled = DataLoader(dataset: dataset, batchSize: 64, shuffle: false).makeIterator(drawingFrom: &generator)
        let unshuffledBatch = unshuffled.next()
        #expect(unshuffledBatch?.indices == Array(0..<64))
        _ = reference.next()
        #expect(generator.next() == reference.next())
    }
}
