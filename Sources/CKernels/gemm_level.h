// One instruction-set level of the matrix-product kernel: not a header of its own, included once per level by gemm.c.
//
// Before including, define:
//   KNAME(x)  a name for this level's functions (e.g. avx2_##x)
//   KTARGET   the function attribute that selects the instruction set (may be empty)
//   KW        lanes per vector (4, 8 or 16)
//   KMR       rows per micro-tile
// A panel of packed B is NR = 2*KW columns wide. Each C element is one chain of fused
// multiply-adds over k in ascending order, whatever KW and KMR are.

#define KNR (2 * KW)
typedef float KNAME(vec) __attribute__((ext_vector_type(KW)));

/// Loads KW floats from any address.
static inline __attribute__((always_inline)) KTARGET KNAME(vec) KNAME(load)(const float *p) {
    KNAME(vec) v;
    __builtin_memcpy(&v, p, sizeof v);
    return v;
}

/// Stores KW floats to any address.
static inline __attribute__((always_inline)) KTARGET void KNAME(store)(float *p, KNAME(vec) v) {
    __builtin_memcpy(p, &v, sizeof v);
}

/// t[0..<mr][0..<NR] = start + A[0..<mr][0..<kc] · panel[0..<kc][0..<NR], one fused chain per element.
///
/// `start` gives the chains' starting values: NNR_INIT_ACCUMULATE reads them from t, NNR_INIT_ZERO
/// starts from zero and NNR_INIT_ROW from `row` (NR values, the same for every row), both in
/// registers: writing them to t first and loading them back would stall on store forwarding.
static inline __attribute__((always_inline)) KTARGET void KNAME(tile)(
    const long mr, long kc, const float *a, long ars, long acs, const float *panel, float *t, long ldt,
    nnr_init start, const float *row) {
    KNAME(vec) low[KMR], high[KMR];
    const float *rows[KMR];
    const KNAME(vec) zero = (KNAME(vec))(0.0f);
    const KNAME(vec) row_low = start == NNR_INIT_ROW ? KNAME(load)(row) : zero;
    const KNAME(vec) row_high = start == NNR_INIT_ROW ? KNAME(load)(row + KW) : zero;
#pragma clang loop unroll(full)
    for (long i = 0; i < KMR; i++) {
        if (i < mr) {
            if (start == NNR_INIT_ACCUMULATE) {
                low[i] = KNAME(load)(t + i * ldt);
                high[i] = KNAME(load)(t + i * ldt + KW);
            } else {
                low[i] = row_low;
                high[i] = row_high;
            }
            rows[i] = a + i * ars;
        }
    }
    for (long p = 0; p < kc; p++) {
        const KNAME(vec) b0 = KNAME(load)(panel + p * KNR);
        const KNAME(vec) b1 = KNAME(load)(panel + p * KNR + KW);
        const long offset = p * acs;
#pragma clang loop unroll(full)
        for (long i = 0; i < KMR; i++) {
            if (i < mr) {
                const KNAME(vec) s = (KNAME(vec))(rows[i][offset]);
                low[i] = __builtin_elementwise_fma(s, b0, low[i]);
                high[i] = __builtin_elementwise_fma(s, b1, high[i]);
            }
        }
    }
#pragma clang loop unroll(full)
    for (long i = 0; i < KMR; i++) {
        if (i < mr) {
            KNAME(store)(t + i * ldt, low[i]);
            KNAME(store)(t + i * ldt + KW, high[i]);
        }
    }
}

/// One row of C against four full panels at once, c[0..<4*NR] += a[0..<kc] · panels: eight
/// independent chains hide the latency of the fused multiply-add that two chains (one row, one
/// panel) would wait on. Each element's chain is the same as the tile's.
static inline __attribute__((always_inline)) KTARGET void KNAME(row_wide)(
    long kc, const float *a, long acs, const float *panel, long panel_stride, float *c) {
    KNAME(vec) sums[8];
#pragma clang loop unroll(full)
    for (long q = 0; q < 4; q++) {
        sums[2 * q] = KNAME(load)(c + q * KNR);
        sums[2 * q + 1] = KNAME(load)(c + q * KNR + KW);
    }
    for (long p = 0; p < kc; p++) {
        const KNAME(vec) s = (KNAME(vec))(a[p * acs]);
#pragma clang loop unroll(full)
        for (long q = 0; q < 4; q++) {
            const float *b = panel + q * panel_stride + p * KNR;
            sums[2 * q] = __builtin_elementwise_fma(s, KNAME(load)(b), sums[2 * q]);
            sums[2 * q + 1] = __builtin_elementwise_fma(s, KNAME(load)(b + KW), sums[2 * q + 1]);
        }
    }
#pragma clang loop unroll(full)
    for (long q = 0; q < 4; q++) {
        KNAME(store)(c + q * KNR, sums[2 * q]);
        KNAME(store)(c + q * KNR + KW, sums[2 * q + 1]);
    }
}

/// The tile for a run-time `mr`, each case compiled with its own constant row count.
static KTARGET void KNAME(tile_any)(long mr, long kc, const float *a, long ars, long acs,
                                    const float *panel, float *t, long ldt, nnr_init start, const float *row) {
    switch (mr) {
#define KCASE(r) case r: KNAME(tile)(r, kc, a, ars, acs, panel, t, ldt, start, row); break;
        KCASE(1) KCASE(2) KCASE(3) KCASE(4)
#if KMR > 4
        KCASE(5) KCASE(6)
#endif
#if KMR > 6
        KCASE(7) KCASE(8) KCASE(9) KCASE(10) KCASE(11) KCASE(12)
#endif
#undef KCASE
        default: break;
    }
}

/// C rows [first_row, end_row) = init + A·B, B packed in panels of NR columns.
static KTARGET void KNAME(gemm_rows)(long first_row, long end_row, long n, long k,
                                     const float *a, long ars, long acs, const float *packed,
                                     nnr_init init, const float *row, float *c, long ldc) {
    float edge[KMR * KNR] __attribute__((aligned(64)));
    const long panels = (n + KNR - 1) / KNR;
    for (long block = first_row; block < end_row; block += NNR_MC) {
    const long block_end = end_row - block < NNR_MC ? end_row : block + NNR_MC;
    for (long k0 = 0; k0 < k; k0 += NNR_KC) {
        const long kc = k - k0 < NNR_KC ? k - k0 : NNR_KC;
        const int first = k0 == 0;
        long p = 0;
        if (block_end - block == 1) {
            // A single row (a batch of one): four panels at a time while four full ones remain.
            for (; p + 4 <= n / KNR; p += 4) {
                float *corner = c + block * ldc + p * KNR;
                if (first) nnr_start_tile(corner, ldc, 1, 4 * KNR, init, row ? row + p * KNR : 0);
                KNAME(row_wide)(kc, a + block * ars + k0 * acs, acs, packed + p * k * KNR + k0 * KNR, k * KNR, corner);
            }
        }
        for (; p < panels; p++) {
            const long j0 = p * KNR;
            const long valid = n - j0 < KNR ? n - j0 : KNR;
            const float *panel = packed + p * k * KNR + k0 * KNR;
            for (long i0 = block; i0 < block_end; i0 += KMR) {
                const long mr = block_end - i0 < KMR ? block_end - i0 : KMR;
                float *corner = c + i0 * ldc + j0;
                if (valid == KNR) {
                    // The first pass over k starts the chains from `init`; later passes continue from C.
                    const nnr_init start = first ? init : NNR_INIT_ACCUMULATE;
                    KNAME(tile_any)(mr, kc, a + i0 * ars + k0 * acs, ars, acs, panel, corner, ldc, start,
                                    start == NNR_INIT_ROW ? row + j0 : 0);
                } else {
                    // A partial panel: work on a full-width copy, then write back the valid columns.
                    if (first) nnr_start_tile(corner, ldc, mr, valid, init, row ? row + j0 : 0);
                    for (long i = 0; i < mr; i++) {
                        for (long j = 0; j < KNR; j++) edge[i * KNR + j] = j < valid ? corner[i * ldc + j] : 0;
                    }
                    KNAME(tile_any)(mr, kc, a + i0 * ars + k0 * acs, ars, acs, panel, edge, KNR, NNR_INIT_ACCUMULATE, 0);
                    for (long i = 0; i < mr; i++) {
                        for (long j = 0; j < valid; j++) corner[i * ldc + j] = edge[i * KNR + j];
                    }
                }
            }
        }
    }
    }
}

#undef KNR
