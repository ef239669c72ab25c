// nnreport's matrix-product kernels: packing, the per-level kernels, and run-time selection.
#include "nnr_kernels.h"

// Products are written with explicit fused multiply-adds; nothing else may be fused.
#pragma clang fp contract(off)

/// Depth of one pass over k: a 256 x NR slice of a panel stays in the L1 cache.
#define NNR_KC 256
/// Rows of A per block: a block's 256-deep slice of A stays in the L2 cache.
#define NNR_MC 96

/// Four floats, for transposing 4x4 blocks while packing.
typedef float nnr_vec4 __attribute__((ext_vector_type(4)));

/// Writes a tile's starting values: zeros, the bias row, or (accumulate) C as it is.
static void nnr_start_tile(float *corner, long ldc, long mr, long valid, nnr_init init, const float *row) {
    if (init == NNR_INIT_ACCUMULATE) return;
    for (long i = 0; i < mr; i++) {
        for (long j = 0; j < valid; j++) corner[i * ldc + j] = init == NNR_INIT_ROW ? row[j] : 0.0f;
    }
}

#define KNAME(x) scalar_##x
#define KTARGET
#define KW 4
#define KMR 4
#include "gemm_level.h"
#undef KNAME
#undef KTARGET
#undef KW
#undef KMR

#define KNAME(x) avx2_##x
#define KTARGET __attribute__((target("avx2,fma")))
#define KW 8
#define KMR 6
#include "gemm_level.h"
#undef KNAME
#undef KTARGET
#undef KW
#undef KMR

#define KNAME(x) avx512_##x
#define KTARGET __attribute__((target("avx512f,avx2,fma")))
#define KW 16
#define KMR 12
#include "gemm_level.h"
#undef KNAME
#undef KTARGET
#undef KW
#undef KMR

int nnr_level_supported(nnr_level level) {
    __builtin_cpu_init();
    switch (level) {
        case NNR_LEVEL_SCALAR: return 1;
        case NNR_LEVEL_AVX2: return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
        case NNR_LEVEL_AVX512:
            return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }
    return 0;
}

nnr_level nnr_best_level(void) {
    if (nnr_level_supported(NNR_LEVEL_AVX512)) return NNR_LEVEL_AVX512;
    if (nnr_level_supported(NNR_LEVEL_AVX2)) return NNR_LEVEL_AVX2;
    return NNR_LEVEL_SCALAR;
}

long nnr_panel_width(nnr_level level) {
    switch (level) {
        case NNR_LEVEL_AVX512: return 32;
        case NNR_LEVEL_AVX2: return 16;
        default: return 8;
    }
}

long nnr_tile_rows(nnr_level level) {
    switch (level) {
        case NNR_LEVEL_AVX512: return 12;
        case NNR_LEVEL_AVX2: return 6;
        default: return 4;
    }
}

size_t nnr_packed_size(nnr_level level, long k, long n) {
    const long width = nnr_panel_width(level);
    const long panels = (n + width - 1) / width;
    return (size_t)(panels * width * k);
}

void nnr_pack_b(nnr_level level, const float *b, long row_stride, long column_stride, long k, long n,
                float *packed) {
    const long width = nnr_panel_width(level);
    const long panels = (n + width - 1) / width;
    for (long p = 0; p < panels; p++) {
        float *panel = packed + p * k * width;
        const long valid = n - p * width < width ? n - p * width : width;
        const float *first = b + p * width * column_stride;
        long kk = 0;
        if (row_stride == 1) {
            // B's columns are contiguous (Bᵀ row-major, as a layer's weight is): 4x4 blocks transposed in
            // registers, four loads and four stores for sixteen elements.
            for (; kk + 4 <= k; kk += 4) {
                long l = 0;
                for (; l + 4 <= valid; l += 4) {
                    const float *source = first + l * column_stride + kk;
                    nnr_vec4 r0, r1, r2, r3;
                    __builtin_memcpy(&r0, source, sizeof r0);
                    __builtin_memcpy(&r1, source + column_stride, sizeof r1);
                    __builtin_memcpy(&r2, source + 2 * column_stride, sizeof r2);
                    __builtin_memcpy(&r3, source + 3 * column_stride, sizeof r3);
                    const nnr_vec4 t0 = __builtin_shufflevector(r0, r1, 0, 4, 1, 5);
                    const nnr_vec4 t1 = __builtin_shufflevector(r2, r3, 0, 4, 1, 5);
                    const nnr_vec4 t2 = __builtin_shufflevector(r0, r1, 2, 6, 3, 7);
                    const nnr_vec4 t3 = __builtin_shufflevector(r2, r3, 2, 6, 3, 7);
                    const nnr_vec4 c0 = __builtin_shufflevector(t0, t1, 0, 1, 4, 5);
                    const nnr_vec4 c1 = __builtin_shufflevector(t0, t1, 2, 3, 6, 7);
                    const nnr_vec4 c2 = __builtin_shufflevector(t2, t3, 0, 1, 4, 5);
                    const nnr_vec4 c3 = __builtin_shufflevector(t2, t3, 2, 3, 6, 7);
                    __builtin_memcpy(panel + kk * width + l, &c0, sizeof c0);
                    __builtin_memcpy(panel + (kk + 1) * width + l, &c1, sizeof c1);
                    __builtin_memcpy(panel + (kk + 2) * width + l, &c2, sizeof c2);
                    __builtin_memcpy(panel + (kk + 3) * width + l, &c3, sizeof c3);
                }
                for (; l < width; l++) {
                    for (long q = 0; q < 4; q++) {
                        panel[(kk + q) * width + l] = l < valid ? first[l * column_stride + kk + q] : 0.0f;
                    }
                }
            }
        }
        // Row by row of the panel, so each write fills a whole line of it in order (a column-by-column
        // walk writes with a stride of `width` and misses the cache on every element).
        for (; kk < k; kk++) {
            float *line = panel + kk * width;
            const float *source = first + kk * row_stride;
            for (long l = 0; l < valid; l++) line[l] = source[l * column_stride];
            for (long l = valid; l < width; l++) line[l] = 0.0f;
        }
    }
}

void nnr_gemm_rows(nnr_level level, long first_row, long end_row, long n, long k,
                   const float *a, long a_row_stride, long a_column_stride,
                   const float *packed_b, nnr_init init, const float *row, float *c, long ldc) {
    if (first_row >= end_row || n <= 0) return;
    if (k <= 0) {
        for (long i = first_row; i < end_row; i++) nnr_start_tile(c + i * ldc, ldc, 1, n, init, row);
        return;
    }
    switch (level) {
        case NNR_LEVEL_AVX512:
            avx512_gemm_rows(first_row, end_row, n, k, a, a_row_stride, a_column_stride, packed_b, init, row, c, ldc);
            break;
        case NNR_LEVEL_AVX2:
            avx2_gemm_rows(first_row, end_row, n, k, a, a_row_stride, a_column_stride, packed_b, init, row, c, ldc);
            break;
        default:
            scalar_gemm_rows(first_row, end_row, n, k, a, a_row_stride, a_column_stride, packed_b, init, row, c, ldc);
            break;
    }
}
