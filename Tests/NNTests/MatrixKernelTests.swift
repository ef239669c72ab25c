import CKernels
import Foundation
import Testing
@testable import NN

/// The reference every native kernel must equal bit for bit: one fused multiply-add chain per
/// element, over k in ascending order, from the element's starting value.
private func referenceProduct(_ a: [Float], _ b: [Float], rows: Int, inner: Int, columns: Int,
                              start: (Int, Int) -> Float) -> [Float] {
    var c = [Float](repeating: 0, count: rows * columns)
    for i in 0..<rows {
        for j in 0..<columns {
            var total = start(i, j)
            for k in 0..<inner { total = total.addingProduct(a[i * inner + k], b[k * columns + j]) }
            c[i * columns + j] = total
        }
    }
    return c
}

/// `count` values in [−1, 1) from a fixed seed.
private func values(_ count: Int, seed: UInt64) -> [Float] {
    var generator = Generator(seed: seed)
    return Tensor.uniform([count], low: -1, high: 1, generator: &generator).storage
}

@Suite("Native matrix kernels")
struct NativeKernelTests {
    static let supportedSets = MatrixKernel.InstructionSet.allCases.filter(\.isSupported)

    /// Shapes around every tile edge (rows 1…13, columns 1…40) and k-block edge (255…257).
    static let shapes: [(rows: Int, inner: Int, columns: Int)] = [
        (1, 1, 1), (1, 784, 128), (5, 7, 3), (6, 16, 16), (7, 17, 17), (12, 32, 32), (13, 33, 33),
        (37, 300, 45), (64, 255, 10), (64, 256, 64), (25, 257, 40), (100, 600, 31),
    ]

    @Test(arguments: supportedSets)
    func everyInstructionSetEqualsTheFusedChainBitForBit(set: MatrixKernel.InstructionSet) {
        for (index, shape) in Self.shapes.enumerated() {
            let a = values(shape.rows * shape.inner, seed: UInt64(index))
            let b = values(shape.inner * shape.columns, seed: UInt64(100 + index))
            let bias = values(shape.columns, seed: UInt64(200 + index))
            let packed = b.withUnsafeBufferPointer {
                PackedMatrix($0.baseAddress!, rowStride: shape.columns, columnStride: 1, rows: shape.inner,
                             columns: shape.columns, instructionSet: set)
            }
            var c = [Float](repeating: .nan, count: shape.rows * shape.columns)
            a.withUnsafeBufferPointer { a in
                bias.withUnsafeBufferPointer { bias in
                    c.withUnsafeMutableBufferPointer { c in
                        MatrixProduct.multiply(a.baseAddress!, aRowStride: shape.inner, aColumnStride: 1, rows: shape.rows,
                                               by: packed, start: .row(bias.baseAddress!), into: c.baseAddress!,
                                               ldc: shape.columns)
                    }
                }
            }
            let expected = referenceProduct(a, b, rows: shape.rows, inner: shape.inner, columns: shape.columns) { _, j in bias[j] }
            let mismatches = zip(c, expected).filter { $0.bitPattern != $1.bitPattern }.count
            #expect(mismatches == 0, "\(set) \(shape): \(mismatches) of \(c.count) elements differ from the fused chain")
        }
    }

    @Test(arguments: supportedSets)
    func packingAWeightTransposedEqualsPackingItsTranspose(set: MatrixKernel.InstructionSet) {
        // Weights (out, in) around the 4x4 blocks of the transposing pack and the panel edges.
        for (index, (outFeatures, inFeatures)) in [(1, 1), (3, 5), (4, 4), (17, 9), (37, 29), (128, 784), (10, 64)].enumerated() {
            let weight = Tensor(shape: [outFeatures, inFeatures], storage: values(outFeatures * inFeatures, seed: UInt64(300 + index)))
            let transposed = weight.t().storage
            let direct = PackedMatrix(transposing: weight, instructionSet: set)
            let reference = transposed.withUnsafeBufferPointer {
                PackedMatrix($0.baseAddress!, rowStride: outFeatures, columnStride: 1, rows: inFeatures, columns: outFeatures,
                             instructionSet: set)
            }
            let size = nnr_packed_size(set.level, inFeatures, outFeatures)
            let same = (0..<size).allSatisfy { direct.buffer[$0].bitPattern == reference.buffer[$0].bitPattern }
            #expect(same, "\(set) weight \(outFeatures)x\(inFeatures)")
        }
    }

    @Test(arguments: supportedSets)
    func transposedLeftOperandAndAccumulationFollowTheSameChain(set: MatrixKernel.InstructionSet) {
        let rows = 29, inner = 270, columns = 21
        let a = values(rows * inner, seed: 7)
        let b = values(inner * columns, seed: 8)
        // A stored transposed, (inner, rows), as the weight gradient of training reads it.
        var aTransposed = [Float](repeating: 0, count: rows * inner)
        for i in 0..<rows { for k in 0..<inner { aTransposed[k * rows + i] = a[i * inner + k] } }
        let initial = values(rows * columns, seed: 9)
        var c = initial
        let packed = b.withUnsafeBufferPointer {
            PackedMatrix($0.baseAddress!, rowStride: columns, columnStride: 1, rows: inner, columns: columns, instructionSet: set)
        }
        aTransposed.withUnsafeBufferPointer { a in
            c.withUnsafeMutableBufferPointer { c in
                MatrixProduct.multiply(a.baseAddress!, aRowStride: 1, aColumnStride: rows, rows: rows, by: packed,
                                       start: .accumulate, into: c.baseAddress!, ldc: columns)
            }
        }
        let expected = referenceProduct(a, b, rows: rows, inner: inner, columns: columns) { i, j in initial[i * columns + j] }
        #expect(c.map(\.bitPattern) == expected.map(\.bitPattern))
    }

    @Test func threadsSplitRowsWithoutChangingABit() async {
        // In a child process: the thread limit is process-wide and other tests multiply meanwhile.
        await #expect(processExitsWith: .success) {
            var generator = Generator(seed: 3)
            let input = Tensor.uniform([300, 784], low: -1, high: 1, generator: &generator)
            let weight = Tensor.uniform([128, 784], low: -0.04, high: 0.04, generator: &generator)
            KernelThreads.set(1)
            let single = Tensor.linear(input, weight: weight, bias: nil)
            KernelThreads.set(2)
            let split = Tensor.linear(input, weight: weight, bias: nil)
            precondition(MatrixProduct.threads(rows: 300, columns: 128, inner: 784, tileRows: 6) == 2)
            precondition(single.storage.map(\.bitPattern) == split.storage.map(\.bitPattern))
        }
    }

    @Test func smallProductsStayOnTheCallingThread() {
        #expect(MatrixProduct.threads(rows: 1, columns: 128, inner: 784, tileRows: 6) == 1)
        #expect(MatrixProduct.threads(rows: 64, columns: 10, inner: 64, tileRows: 6) == 1)
    }

    @Test func aLayerRepacksItsWeightAfterTheWeightChanges() {
        var generator = Generator(seed: 5)
        let layer = Linear(4, 3, generator: &generator)
        let input = Tensor.ones([2, 4])
        let before = layer(input)
        #expect(before == Tensor.linear(input, weight: layer.weight.data, bias: layer.bias?.data))
        layer.weight.fill_(0.5)
        let after = layer(input)
        let bias = layer.bias!.data.storage
        let row: [Float] = bias.map { 2 + $0 }
        #expect(after.storage == row + row)
    }
}

@Suite("Kernel selection")
struct MatrixKernelSelectionTests {
    @Test func autoChoosesTheBestNativeInstructionSet() throws {
        let kernel = try MatrixKernel.select(environment: [:])
        #expect(kernel.backend == .native(.best))
        #expect(try MatrixKernel.select(environment: ["NNREPORT_KERNEL": "auto"]) == kernel)
        #expect(kernel.description.hasPrefix("nnreport \(MatrixKernel.InstructionSet.best.summary) (best for this processor)"))
        // Every processor of this project's kind offers AVX2 and FMA.
        #expect(MatrixKernel.InstructionSet.best >= .avx2)
    }

    @Test func aNamedInstructionSetIsUsedWhenSupportedAndRefusedOtherwise() throws {
        #expect(try MatrixKernel.select(environment: ["NNREPORT_KERNEL": "scalar"]).backend == .native(.scalar))
        for set in MatrixKernel.InstructionSet.allCases where !set.isSupported {
            #expect(throws: MatrixKernelError.unsupported(set)) {
                try MatrixKernel.select(environment: ["NNREPORT_KERNEL": set.rawValue])
            }
            #expect(MatrixKernelError.unsupported(set).description
                    == "NNREPORT_KERNEL=\(set.rawValue): this processor does not support \(set.rawValue)")
        }
        #expect(throws: MatrixKernelError.unknown("mkl")) { try MatrixKernel.select(environment: ["NNREPORT_KERNEL": "mkl"]) }
        #expect(MatrixKernelError.unknown("mkl").description == "NNREPORT_KERNEL=mkl is not one of auto|avx512|avx2|scalar|openblas")
    }

    @Test func openBLASGetsACoreTypeBuiltForThisProcessor() async {
        // In a child process: OpenBLAS reads OPENBLAS_CORETYPE once, when it loads.
        await #expect(processExitsWith: .success) {
            unsetenv("OPENBLAS_CORETYPE")
            let kernel = try! MatrixKernel.select(environment: ["NNREPORT_KERNEL": "openblas"])
            guard case .openBLAS(let core, let chosenByUser) = kernel.backend else { preconditionFailure() }
            // Never the SSE3 fallback (Prescott) on a processor with AVX2.
            precondition(!chosenByUser && ["Haswell", "Zen", "SkylakeX"].contains(core), "core \(core)")
            precondition(kernel.description.contains("core type chosen for this processor"))
        }
    }

    @Test func aUsersOpenBLASCoreTypeWins() async {
        await #expect(processExitsWith: .success) {
            setenv("OPENBLAS_CORETYPE", "Nehalem", 1)
            let kernel = try! MatrixKernel.select(environment: ["NNREPORT_KERNEL": "openblas"])
            precondition(kernel.backend == .openBLAS(core: "Nehalem", chosenByUser: true), "\(kernel)")
            // OpenBLAS sums in its own order: close to the native kernel, not necessarily equal.
            var generator = Generator(seed: 11)
            let input = Tensor.uniform([70, 300], low: -1, high: 1, generator: &generator)
            let weight = Tensor.uniform([40, 300], low: -1, high: 1, generator: &generator)
            MatrixKernel.active = MatrixKernel(backend: .native(.best), reason: "test")
            let native = Tensor.linear(input, weight: weight, bias: nil)
            MatrixKernel.active = kernel
            let openBLAS = Tensor.linear(input, weight: weight, bias: nil)
            precondition(native.allclose(openBLAS, rtol: 1e-5, atol: 1e-5))
        }
    }

    @Test(.enabled(if: !MatrixKernel.InstructionSet.avx512.isSupported, "this processor runs SkylakeX"))
    func aCoreTypeThisProcessorCannotRunIsRefused() async {
        await #expect(processExitsWith: .success) {
            setenv("OPENBLAS_CORETYPE", "SkylakeX", 1)
            do {
                _ = try MatrixKernel.select(environment: ["NNREPORT_KERNEL": "openblas"])
                preconditionFailure("SkylakeX loaded on a processor without AVX-512")
            } catch let error as MatrixKernelError {
                precondition(error.description
                    == "NNREPORT_KERNEL=openblas: OPENBLAS_CORETYPE=SkylakeX needs instructions this processor lacks")
            }
        }
    }
}
