import CKernels
import Dispatch

/// C = start + A·B on the active kernel, with the rows of C split across threads when that pays.
enum MatrixProduct {
    /// How the elements of C start before the products are added.
    enum Start {
        /// C = A·B.
        case zero
        /// C = A·B + row, the same n values added to every row (a bias).
        case row(UnsafePointer<Float>)
        /// C = A·B + C.
        case accumulate
    }

    /// The threads a product of this size uses: 1 below `KernelThreads.parallelThreshold`, else up to `KernelThreads.count`.
    static func threads(rows: Int, columns: Int, inner: Int, tileRows: Int) -> Int {
        guard rows * columns * inner >= KernelThreads.parallelThreshold else { return 1 }
        return max(1, min(KernelThreads.count, (rows + tileRows - 1) / tileRows))
    }

    /// C (rows x packed.columns, row-major, leading dimension `ldc`) = start + A·B, natively.
    ///
    /// A's element (i, p) is at `a[i * aRowStride + p * aColumnStride]`; B was packed for the
    /// instruction set the product runs at. Rows are dealt out in chunks that whichever thread is
    /// free takes next, so a thread that the machine's load delays holds no one up.
    static func multiply(_ a: UnsafePointer<Float>, aRowStride: Int, aColumnStride: Int, rows: Int,
                         by packed: PackedMatrix, start: Start,
                         into c: UnsafeMutablePointer<Float>, ldc: Int) {
        let level = packed.instructionSet.level
        let (initialisation, row): (nnr_init, UnsafePointer<Float>?) = switch start {
        case .zero: (NNR_INIT_ZERO, nil)
        case .row(let values): (NNR_INIT_ROW, values)
        case .accumulate: (NNR_INIT_ACCUMULATE, nil)
        }
        let tileRows = nnr_tile_rows(level)
        let threads = threads(rows: rows, columns: packed.columns, inner: packed.rows, tileRows: tileRows)
        guard threads > 1 else {
            nnr_gemm_rows(level, 0, rows, packed.columns, packed.rows, a, aRowStride, aColumnStride,
                          packed.buffer, initialisation, row, c, ldc)
            return
        }
        // Two chunks per thread, each a whole number of tiles.
        let tiles = (rows + tileRows - 1) / tileRows
        let chunks = min(tiles, threads * 2)
        let rowsPerChunk = (tiles + chunks - 1) / chunks * tileRows
        let operands = Operands(a: a, packed: packed.buffer, row: row, c: c)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let first = chunk * rowsPerChunk
            let end = min(rows, first + rowsPerChunk)
            guard first < end else { return }
            nnr_gemm_rows(level, first, end, packed.columns, packed.rows, operands.a, aRowStride, aColumnStride,
                          operands.packed, initialisation, operands.row, operands.c, ldc)
        }
    }

    /// The pointers a product's threads share.
    ///
    /// Sendable: the threads only read `a`, `packed` and `row`, and write disjoint rows of `c`.
    private struct Operands: @unchecked Sendable {
        let a: UnsafePointer<Float>
        let packed: UnsafeMutablePointer<Float>
        let row: UnsafePointer<Float>?
        let c: UnsafeMutablePointer<Float>
    }
}
