import CKernels
import Foundation

/// A k x n matrix B packed into the native kernel's column panels, ready for any number of products.
///
/// A layer packs its weight once (as Wᵀ) and reuses it until the weight changes; the packing
/// depends on the instruction set, which is part of the value.
public final class PackedMatrix: @unchecked Sendable {
    // Sendable: the buffer is written only in `init` and read-only afterwards.

    /// The instruction set whose panel layout the buffer follows.
    public let instructionSet: MatrixKernel.InstructionSet
    /// k, the inner dimension of the products.
    public let rows: Int
    /// n, the columns of the products.
    public let columns: Int
    /// The zero-padded panels, 64-byte aligned.
    let buffer: UnsafeMutablePointer<Float>

    /// Packs B whose element (r, c) is `source[r * rowStride + c * columnStride]`.
    init(_ source: UnsafePointer<Float>, rowStride: Int, columnStride: Int, rows: Int, columns: Int,
         instructionSet: MatrixKernel.InstructionSet) {
        self.instructionSet = instructionSet
        self.rows = rows
        self.columns = columns
        let count = max(1, nnr_packed_size(instructionSet.level, rows, columns))
        buffer = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Float>.stride, alignment: 64)
            .bindMemory(to: Float.self, capacity: count)
        nnr_pack_b(instructionSet.level, source, rowStride, columnStride, rows, columns, buffer)
    }

    /// Wᵀ of a row-major (out, in) weight: the (in, out) right operand of x·Wᵀ.
    public convenience init(transposing weight: Tensor, instructionSet: MatrixKernel.InstructionSet) {
        precondition(weight.rank == 2, "PackedMatrix: weight must be 2-D, got shape \(weight.shape)")
        let outFeatures = weight.shape[0], inFeatures = weight.shape[1]
        self.init(weight.storage, rowStride: 1, columnStride: inFeatures, rows: inFeatures, columns: outFeatures,
                  instructionSet: instructionSet)
    }

    deinit {
        UnsafeMutableRawPointer(buffer).deallocate()
    }
}
