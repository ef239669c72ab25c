// OpenBLAS through dlopen: the core type is chosen before the library runs its constructor.
#include "nnr_openblas.h"
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef void (*nnr_sgemm_fn)(int, int, int, int, int, int, float, const float *, int, const float *, int,
                             float, float *, int);
typedef char *(*nnr_string_fn)(void);
typedef void (*nnr_threads_fn)(int);

static nnr_sgemm_fn nnr_sgemm;
static nnr_string_fn nnr_corename;
static nnr_string_fn nnr_config;
static nnr_threads_fn nnr_set_threads;

/// The core type OpenBLAS should use on this processor, or 0 to let it decide.
static const char *nnr_core_for_processor(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return "SkylakeX";
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        return __builtin_cpu_is("amd") ? "Zen" : "Haswell";
    }
    return 0;
}

/// Whether this processor can run the OpenBLAS core type `name`: OpenBLAS does not check a forced
/// core type, and runs into an illegal instruction when the processor lacks its instructions.
static int nnr_core_runs_here(const char *name) {
    static const char *const avx512[] = {"skylakex", "cooperlake", "sapphirerapids", 0};
    static const char *const avx2[] = {"haswell", "zen", "skylake", 0};
    static const char *const avx[] = {"sandybridge", "bulldozer", "piledriver", "steamroller", "excavator", 0};
    __builtin_cpu_init();
    for (int i = 0; avx512[i]; i++) {
        if (strcasecmp(name, avx512[i]) == 0) return __builtin_cpu_supports("avx512f");
    }
    for (int i = 0; avx2[i]; i++) {
        if (strcasecmp(name, avx2[i]) == 0) return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    }
    for (int i = 0; avx[i]; i++) {
        if (strcasecmp(name, avx[i]) == 0) return __builtin_cpu_supports("avx");
    }
    return 1;
}

int nnr_openblas_load(char *message, size_t size, int *user_choice) {
    if (nnr_sgemm) return 1;
    const char *user = getenv("OPENBLAS_CORETYPE");
    *user_choice = user != 0 && user[0] != 0;
    if (*user_choice && !nnr_core_runs_here(user)) {
        snprintf(message, size, "OPENBLAS_CORETYPE=%s needs instructions this processor lacks", user);
        return 0;
    }
    if (!*user_choice) {
        const char *core = nnr_core_for_processor();
        if (core) setenv("OPENBLAS_CORETYPE", core, 1);
    }
    void *library = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_LOCAL);
    if (!library) {
        snprintf(message, size, "cannot load OpenBLAS (libopenblas.so.0): %s", dlerror());
        return 0;
    }
    nnr_sgemm = (nnr_sgemm_fn)dlsym(library, "cblas_sgemm");
    nnr_corename = (nnr_string_fn)dlsym(library, "openblas_get_corename");
    nnr_config = (nnr_string_fn)dlsym(library, "openblas_get_config");
    nnr_set_threads = (nnr_threads_fn)dlsym(library, "openblas_set_num_threads");
    if (!nnr_sgemm || !nnr_corename || !nnr_config || !nnr_set_threads) {
        nnr_sgemm = 0;
        snprintf(message, size, "libopenblas.so.0 lacks cblas_sgemm or openblas_get_corename");
        return 0;
    }
    return 1;
}

const char *nnr_openblas_core(void) { return nnr_corename ? nnr_corename() : ""; }

const char *nnr_openblas_config(void) { return nnr_config ? nnr_config() : ""; }

void nnr_openblas_set_threads(int threads) {
    if (nnr_set_threads) nnr_set_threads(threads);
}

void nnr_openblas_sgemm(long m, long n, long k, const float *a, long lda, int transpose_a, const float *b, long ldb,
                        int transpose_b, float beta, float *c, long ldc) {
    // CBLAS constants: row-major 101, no transpose 111, transpose 112.
    nnr_sgemm(101, transpose_a ? 112 : 111, transpose_b ? 112 : 111, (int)m, (int)n, (int)k, 1.0f, a, (int)lda, b, (int)ldb, beta, c,
              (int)ldc);
}
