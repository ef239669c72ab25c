// PyTorch's float32 random transforms (uniform_ and the blocks of 16 of normal_), bit for bit.
//
// Every function exists twice with identical results: an AVX2+FMA path chosen at run time when
// the CPU has it, and a portable path built on `fmaf`. Both round each fused multiply-add once,
// so they agree to the bit; the tests compare both against numbers recorded from PyTorch.
#ifndef C_TORCH_RANDOM_H
#define C_TORCH_RANDOM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Writes uniform_(from, to) of each 32-bit draw: fma((r & 0xFFFFFF) * 2^-24, to - from, from),
/// or `from` when that rounds to `to`. `random` and `values` hold `count` elements each.
void torch_random_uniform(const uint32_t *random, float *values, size_t count, float from, float to);

/// Turns `blocks` consecutive blocks of 16 uniforms in [0, 1) into normals of `mean` and `std`,
/// in place: Box–Muller on pairs (j, j + 8) with the single-precision Cephes log and sincos.
void torch_random_normal_blocks(float *values, size_t blocks, float mean, float std);

/// Whether the AVX2+FMA paths run on this CPU (the functions above choose by themselves).
int torch_random_has_avx2_fma(void);

/// The portable path of `torch_random_uniform`, whatever the CPU (for tests).
void torch_random_uniform_portable(const uint32_t *random, float *values, size_t count, float from, float to);

/// The portable path of `torch_random_normal_blocks`, whatever the CPU (for tests).
void torch_random_normal_blocks_portable(float *values, size_t blocks, float mean, float std);

#ifdef __cplusplus
}
#endif

#endif
