import Testing
@testable import Datasets

/// The seeded generators against their authors' reference outputs.
@Suite struct RandomTests {
    @Test func splitMix64FromSeedZero() {
        var generator = SplitMix64(seed: 0)
        #expect([generator.next(), generator.next(), generator.next()] ==
                [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4, 0x06C4_5D18_8009_454F])
    }

    @Test func xoshiro256StarStarFromState1234() {
        var generator = Xoshiro256StarStar(state: (1, 2, 3, 4))
        let outputs = (0..<6).map { _ in generator.next() }
        #expect(outputs == [11520, 0, 1_509_978_240, 1_215_971_899_390_074_240,
                            1_216_172_134_540_287_360, 607_988_272_756_665_600])
    }

    @Test func boundedIndicesAreInRangeAndRoughlyUniform() {
        var generator = Xoshiro256StarStar(seed: 1)
        var counts = [Int](repeating: 0, count: 6)
        for _ in 0..<60_000 { counts[generator.nextIndex(below: 6)] += 1 }
        // Each count is Binomial(60000, 1/6): mean 10000, sd ≈ 91; 6 sd is 550.
        #expect(counts.allSatisfy { abs($0 - 10_000) < 550 }, "\(counts)")
        #expect((0..<1000).allSatisfy { _ in generator.nextIndex(below: 1) == 0 })
    }

    @Test func permutationIsAPermutationAndPinned() {
        var generator = Xoshiro256StarStar(seed: 7)
        #expect(generator.permutation(of: 10) == [1, 8, 3, 0, 4, 5, 9, 6, 2, 7])
        var again = Xoshiro256StarStar(seed: 7)
        #expect(again.permutation(of: 1000).sorted() == Array(0..<1000))
        #expect(again.permutation(of: 0) == [])
        #expect(again.permutation(of: 1) == [0])
    }
}
