import Testing
@testable import NN

@Suite("PyTorch's generator, bit for bit (recorded fixture)")
struct TorchRandomReferenceTests {
    @Test func fixtureIsARealPyTorchRecordingOfEverySeedOpAndSize() throws {
        let reference = try TorchRandomReference.load()
        #expect(reference.torchVersion.hasPrefix("2.13"))
        #expect(reference.cpuCapability == "AVX2", "normal_ from 16 values is recorded from the AVX2 code")
        #expect(Set(reference.cases.map(\.name)).count == reference.cases.count, "case names must be unique")
        #expect(Set(reference.cases.map(\.seed)).isSuperset(of: [0, 1, 7, 123, 42, 1 << 32 + 5, -1]))
        let ops = reference.cases.flatMap(\.ops)
        #expect(Set(ops.map(\.op)) == ["rand", "uniform", "randn", "normal", "randint", "randperm",
                                        "random_int64", "manual_seed", "linear"])
        let normalSizes = Set(ops.filter { $0.op == "randn" || $0.op == "normal" }.compactMap(\.count))
        #expect(normalSizes.isSuperset(of: [1, 15, 16, 17, 100, 100_352]))
        #expect(Set(ops.filter { $0.op == "randperm" }.compactMap(\.count)).isSuperset(of: [4000, 60000]))
        #expect(ops.contains { $0.op == "normal" && $0.std == 0.01 })
        let layers = ops.filter { $0.op == "linear" }.compactMap { op in op.inFeatures.map { [$0, op.outFeatures ?? 0] } }
        #expect(Set(layers).isSuperset(of: [[784, 128], [128, 64], [64, 10]]))
        // Real bits, not just counts: a large result carries a digest, a small one every element.
        let results = ops.compactMap(\.result)
        #expect(results.allSatisfy { $0.values?.count == $0.count || ($0.sha256?.count == 64 && $0.head?.count == 8) })
    }

    @Test(arguments: TorchRandomReference.caseNames)
    func recordedCaseReplaysBitForBit(name: String) throws {
        let recorded = try TorchRandomReference.load().case(named: name)
        let problems = TorchRandomReplay(kernels: .fastest).mismatches(of: recorded)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func portableKernelsReplayEveryCaseBitForBit() throws {
        // On an AVX2 machine the cases above ran the vectorised code; this runs the fmaf fallback
        // on every case made of float draws only.
        let floatOps: Set = ["rand", "uniform", "randn", "normal", "linear", "manual_seed"]
        let cases = try TorchRandomReference.load().cases.filter { $0.ops.allSatisfy { floatOps.contains($0.op) } }
        #expect(cases.count >= 80)
        let problems = cases.flatMap(TorchRandomReplay(kernels: .portable).mismatches(of:))
        #expect(problems.isEmpty, "\(problems.prefix(20).joined(separator: "\n"))")
    }

    @Test func freshGeneratorStartsFromPyTorchsDefaultSeed() throws {
        let fresh = try TorchRandomReference.load().freshGenerator
        let generator = TorchGenerator()
        #expect(generator.initialSeed == fresh.initialSeed)
        #expect(fresh.rand.mismatch(Tensor.rand([8], generator: generator).storage) == nil)
    }

    @Test func oneAndTwoThreadsRecordedTheSameNumbers() throws {
        let threaded = try TorchRandomReference.load().cases.filter { $0.name.hasPrefix("threads/") }
        let oneThread = threaded.filter { $0.threads == 1 }
        #expect(oneThread.count >= 5)
        for single in oneThread {
            let base = single.name.replacingOccurrences(of: "/1-thread", with: "")
            let pair = threaded.first { $0.name == base + "/2-threads" }
            let two = try #require(pair, "no 2-thread recording of \(base)")
            #expect(two.threads == 2 && two.seed == single.seed)
            #expect(zip(single.ops, two.ops).allSatisfy { $0.result?.sha256 == $1.result?.sha256
                && $0.weight?.sha256 == $1.weight?.sha256 })
        }
    }

    // MARK: - The fixture is sensitive to what PYTORCH-RNG.md says matters

    @Test func uniformWithoutTheFusedMultiplyAddDoesNotMatch() throws {
        // nn.Linear(784, 128)'s weight: x · (to − from) rounded, then + from, changes many values.
        let recorded = try TorchRandomReference.load().case(named: "seed0/linear-784-128-64-10")
        let weight = try #require(recorded.ops.first?.weight)
        let bound = Float(Linear.kaimingUniformBound(fanIn: 784))
        let generator = TorchGenerator(seed: 0)
        let unfused = (0..<weight.count).map { _ -> Float in
            let unit = Float(generator.random() & 0xFF_FFFF) * 0x1p-24
            let product = unit * (bound - -bound)
            return product + -bound
        }
        #expect(weight.mismatch(unfused) != nil)
        #expect(weight.mismatch(Linear(784, 128, generator: TorchGenerator(seed: 0)).weight.data.storage) == nil)
    }

    @Test func uniformReturnsFromWhereTheValueRoundsToTo() throws {
        // 2^24 + 64·x rounds to even steps of 2, so about 1 in 128 values would round up to `to`.
        let recorded = try TorchRandomReference.load().case(named: "seed0/uniform-rounds-to-to")
        let op = try #require(recorded.ops.first)
        let (from, to) = (Float(try #require(op.from)), Float(try #require(op.to)))
        let draws = TorchGenerator(seed: 0)
        let roundedUp = (0..<1000).filter { _ in
            let unit = Float(draws.random() & 0xFF_FFFF) * 0x1p-24
            return from.addingProduct(unit, to - from) == to
        }
        #expect(roundedUp.count > 0, "the case must exercise the rule")
        var values = Tensor.zeros([1000])
        values.uniform_(from: Double(from), to: Double(to), generator: TorchGenerator(seed: 0))
        #expect(!values.storage.contains(to))
        #expect(values.storage.filter { $0 == from }.count >= roundedUp.count)
        #expect(try #require(op.result).mismatch(values.storage) == nil)
    }
}
