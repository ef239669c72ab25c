#ifndef NNR_KERNELS_H
#define NNR_KERNELS_H
// nnreport's own float32 matrix-product kernels, one per instruction set, chosen at run time.
//
// Every level computes each element of C as one chain of fused multiply-adds over k in
// ascending order, starting from its initial value (zero, the bias, or C itself). The vector
// width only decides how many independent chains run side by side, so every level gives the
// same bits for the same inputs: the report does not depend on the processor.
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Instruction-set levels, from the portable fallback up.
typedef enum {
    NNR_LEVEL_SCALAR = 0,   ///< x86-64 baseline (SSE2); fused multiply-adds through libm's fmaf.
    NNR_LEVEL_AVX2 = 1,     ///< AVX2 with FMA3: 6x16 tiles of 256-bit vectors.
    NNR_LEVEL_AVX512 = 2,   ///< AVX-512F: 12x32 tiles of 512-bit vectors.
} nnr_level;

/// The best level this processor and operating system support.
nnr_level nnr_best_level(void);

/// Whether this processor and operating system support `level`.
int nnr_level_supported(nnr_level level);

/// Columns per packed panel of B at `level` (16 or 32).
long nnr_panel_width(nnr_level level);

/// Rows per micro-tile of A at `level` (6 or 12).
long nnr_tile_rows(nnr_level level);

/// Floats needed to pack a K x N matrix B into panels for `level`.
size_t nnr_packed_size(nnr_level level, long k, long n);

/// Packs B (element (k, j) at b[k*row_stride + j*column_stride]) into zero-padded panels for `level`.
void nnr_pack_b(nnr_level level, const float *b, long row_stride, long column_stride,
                long k, long n, float *packed);

/// How C's elements start before the products are added.
typedef enum {
    NNR_INIT_ZERO = 0,      ///< C = A·B
    NNR_INIT_ROW = 1,       ///< C = A·B + row (a bias of n values, added to every row)
    NNR_INIT_ACCUMULATE = 2 ///< C = A·B + C
} nnr_init;

/// C[rows first_row..<end_row] = init + A·B for packed B, at `level`.
///
/// A's element (i, k) is at a[i*a_row_stride + k*a_column_stride]; C is row-major with `ldc`.
/// Row ranges that do not overlap may run on different threads at once.
void nnr_gemm_rows(nnr_level level, long first_row, long end_row, long n, long k,
                   const float *a, long a_row_stride, long a_column_stride,
                   const float *packed_b, nnr_init init, const float *row,
                   float *c, long ldc);

#ifdef __cplusplus
}
#endif
#endif
