#ifndef NNR_OPENBLAS_H
#define NNR_OPENBLAS_H
// OpenBLAS as an optional second backend, loaded with dlopen so that its core type can be
// chosen from the processor before the library initialises (it reads OPENBLAS_CORETYPE once).
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Loads OpenBLAS once; returns 1 when loaded, else 0 with a reason in `message`.
///
/// Unless the user set OPENBLAS_CORETYPE, sets it first from what the processor offers
/// (SkylakeX with AVX-512, Zen or Haswell with AVX2 and FMA), since OpenBLAS 0.3.21 falls back
/// to its SSE3 kernel on processors newer than its tables. `user_choice` tells which happened.
int nnr_openblas_load(char *message, size_t size, int *user_choice);

/// OpenBLAS's name for the kernel it runs ("Haswell"), or "" before loading.
const char *nnr_openblas_core(void);

/// OpenBLAS's configuration line ("OpenBLAS 0.3.21 DYNAMIC_ARCH ..."), or "".
const char *nnr_openblas_config(void);

/// Sets OpenBLAS's thread count (no effect before loading).
void nnr_openblas_set_threads(int threads);

/// C = op(A)·op(B) + beta·C in row-major float32 through cblas_sgemm; op transposes when asked.
void nnr_openblas_sgemm(long m, long n, long k, const float *a, long lda, int transpose_a, const float *b, long ldb,
                        int transpose_b, float beta, float *c, long ldc);

#ifdef __cplusplus
}
#endif
#endif
