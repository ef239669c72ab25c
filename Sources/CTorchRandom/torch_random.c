// PyTorch's float32 random transforms, bit for bit (see CTorchRandom.h and PYTORCH-RNG.md).
//
// Every multiply-add that PyTorch's build fuses is written as an explicit fma here, and nothing
// else may be fused: contraction is switched off for the whole file.
#include "CTorchRandom.h"

#include <math.h>
#include <stdatomic.h>
#include <string.h>

#pragma STDC FP_CONTRACT OFF

// MARK: - Constants (single-precision Cephes, as PyTorch's avx_mathfun.h uses them)

static const float kTwoPi = 6.28318530717958647692f;        // float(2π), rounded once
static const float kSqrtHalf = 0.707106781186547524f;
static const float kLogP[9] = {
    7.0376836292e-2f, -1.1514610310e-1f, 1.1676998740e-1f, -1.2420140846e-1f, 1.4249322787e-1f,
    -1.6668057665e-1f, 2.0000714765e-1f, -2.4999993993e-1f, 3.3333331174e-1f,
};
static const float kLogQ1 = -2.12194440e-4f;
static const float kLogQ2 = 0.693359375f;
static const float kFourOverPi = 1.27323954473516f;
static const float kMinusDP1 = -0.78515625f;
static const float kMinusDP2 = -2.4187564849853515625e-4f;
static const float kMinusDP3 = -3.77489497744594108e-8f;
static const float kSinP0 = -1.9515295891e-4f, kSinP1 = 8.3321608736e-3f, kSinP2 = -1.6666654611e-1f;
static const float kCosP0 = 2.443315711809948e-5f, kCosP1 = -1.388731625493765e-3f, kCosP2 = 4.166664568298827e-2f;
static const uint32_t kMantissaBits = 0x00FFFFFFu;          // the 24 bits uniform_ keeps
static const float kTwoToMinus24 = 0x1p-24f;
static const uint32_t kSmallestNormal = 0x00800000u;

// MARK: - Portable path

/// One uniform_(from, to) value from a 32-bit draw; `span` is `to - from` in float.
static inline float uniform_value(uint32_t random, float from, float span, float to) {
    float unit = (float)(random & kMantissaBits) * kTwoToMinus24;  // exact
    float value = fmaf(unit, span, from);
    return value == to ? from : value;  // keep the interval half-open, as PyTorch 2.x does
}

void torch_random_uniform_portable(const uint32_t *random, float *values, size_t count, float from, float to) {
    float span = to - from;
    for (size_t i = 0; i < count; i++) values[i] = uniform_value(random[i], from, span, to);
}

/// The natural log of x > 0 by avx_mathfun's `log256_ps`, one lane.
static float cephes_log(float x) {
    uint32_t bits;
    memcpy(&bits, &x, sizeof bits);
    if (bits < kSmallestNormal) bits = kSmallestNormal;  // max(x, smallest normal) for x >= 0
    float exponent = (float)((int32_t)(bits >> 23) - 0x7f) + 1.0f;
    bits = (bits & ~0x7F800000u) | 0x3F000000u;           // the mantissa, scaled into [0.5, 1)
    float m;
    memcpy(&m, &bits, sizeof m);
    // Below √½, use 2m − 1 and one less in the exponent, so the polynomial sees [√½ − 1, √2 − 1).
    float shifted = m - 1.0f;
    if (m < kSqrtHalf) {
        exponent = exponent - 1.0f;
        m = shifted + m;
    } else {
        m = shifted;
    }
    float z = m * m;
    float y = kLogP[0];
    for (int k = 1; k < 9; k++) y = fmaf(y, m, kLogP[k]);
    y = y * m;
    y = fmaf(y, z, exponent * kLogQ1);
    y = fmaf(-z, 0.5f, y);
    float result = m + y;
    return fmaf(exponent, kLogQ2, result);
}

/// sin and cos of x >= 0 by avx_mathfun's `sincos256_ps`, one lane.
static void cephes_sincos(float x, float *sine, float *cosine) {
    uint32_t xbits;
    memcpy(&xbits, &x, sizeof xbits);
    uint32_t sinSign = xbits & 0x80000000u;
    xbits &= 0x7FFFFFFFu;
    memcpy(&x, &xbits, sizeof x);
    // The octant j, rounded up to even, and the reduced argument x − j·π/4 in three exact steps.
    int32_t octant = (int32_t)(x * kFourOverPi);
    octant = (octant + 1) & ~1;
    float j = (float)octant;
    sinSign ^= (uint32_t)(octant & 4) << 29;
    uint32_t cosSign = (uint32_t)(~(octant - 2) & 4) << 29;
    int useSinePolynomialForSine = (octant & 2) == 0;
    float r = fmaf(j, kMinusDP1, x);
    r = fmaf(j, kMinusDP2, r);
    r = fmaf(j, kMinusDP3, r);
    float z = r * r;
    float c = fmaf(kCosP0, z, kCosP1);
    c = fmaf(c, z, kCosP2);
    c = c * z;
    c = fmaf(c, z, -(z * 0.5f));
    c = c + 1.0f;
    float s = fmaf(kSinP0, z, kSinP1);
    s = fmaf(s, z, kSinP2);
    s = s * z;
    s = fmaf(s, r, r);
    float sinValue = useSinePolynomialForSine ? s : c;
    float cosValue = useSinePolynomialForSine ? c : s;
    uint32_t bits;
    memcpy(&bits, &sinValue, sizeof bits);
    bits ^= sinSign;
    memcpy(sine, &bits, sizeof bits);
    memcpy(&bits, &cosValue, sizeof bits);
    bits ^= cosSign;
    memcpy(cosine, &bits, sizeof bits);
}

void torch_random_normal_blocks_portable(float *values, size_t blocks, float mean, float std) {
    for (size_t block = 0; block < blocks; block++) {
        float *d = values + 16 * block;
        for (int j = 0; j < 8; j++) {
            float u1 = 1.0f - d[j];
            float u2 = d[j + 8];
            float radius = sqrtf(-2.0f * cephes_log(u1));
            float theta = kTwoPi * u2;
            float s, c;
            cephes_sincos(theta, &s, &c);
            d[j] = fmaf(radius * c, std, mean);
            d[j + 8] = fmaf(radius * s, std, mean);
        }
    }
}

// MARK: - AVX2 + FMA path (x86-64 only; other CPUs run the portable path)

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define TORCH_RANDOM_HAS_AVX2_PATH 1
#define AVX2_FMA __attribute__((target("avx2,fma")))

AVX2_FMA static void uniform_avx2(const uint32_t *random, float *values, size_t count, float from, float to) {
    float span = to - from;
    const __m256i mask = _mm256_set1_epi32((int)kMantissaBits);
    const __m256 scale = _mm256_set1_ps(kTwoToMinus24), spanV = _mm256_set1_ps(span);
    const __m256 fromV = _mm256_set1_ps(from), toV = _mm256_set1_ps(to);
    size_t i = 0;
    for (; i + 8 <= count; i += 8) {
        __m256i bits = _mm256_and_si256(_mm256_loadu_si256((const __m256i *)(random + i)), mask);
        __m256 unit = _mm256_mul_ps(_mm256_cvtepi32_ps(bits), scale);
        __m256 value = _mm256_fmadd_ps(unit, spanV, fromV);
        __m256 isTo = _mm256_cmp_ps(value, toV, _CMP_EQ_OQ);
        _mm256_storeu_ps(values + i, _mm256_blendv_ps(value, fromV, isTo));
    }
    for (; i < count; i++) values[i] = uniform_value(random[i], from, span, to);
}

/// `cephes_log` on eight lanes.
AVX2_FMA static __m256 log_avx2(__m256 x) {
    const __m256 one = _mm256_set1_ps(1.0f);
    x = _mm256_max_ps(x, _mm256_castsi256_ps(_mm256_set1_epi32((int)kSmallestNormal)));
    __m256i biased = _mm256_srli_epi32(_mm256_castps_si256(x), 23);
    __m256 exponent = _mm256_add_ps(_mm256_cvtepi32_ps(_mm256_sub_epi32(biased, _mm256_set1_epi32(0x7f))), one);
    x = _mm256_and_ps(x, _mm256_castsi256_ps(_mm256_set1_epi32((int)~0x7F800000u)));
    x = _mm256_or_ps(x, _mm256_set1_ps(0.5f));
    __m256 below = _mm256_cmp_ps(x, _mm256_set1_ps(kSqrtHalf), _CMP_LT_OS);
    __m256 extra = _mm256_and_ps(x, below);
    x = _mm256_sub_ps(x, one);
    exponent = _mm256_sub_ps(exponent, _mm256_and_ps(one, below));
    x = _mm256_add_ps(x, extra);
    __m256 z = _mm256_mul_ps(x, x);
    __m256 y = _mm256_set1_ps(kLogP[0]);
    for (int k = 1; k < 9; k++) y = _mm256_fmadd_ps(y, x, _mm256_set1_ps(kLogP[k]));
    y = _mm256_mul_ps(y, x);
    y = _mm256_fmadd_ps(y, z, _mm256_mul_ps(exponent, _mm256_set1_ps(kLogQ1)));
    y = _mm256_fnmadd_ps(z, _mm256_set1_ps(0.5f), y);
    x = _mm256_add_ps(x, y);
    return _mm256_fmadd_ps(exponent, _mm256_set1_ps(kLogQ2), x);
}

/// `cephes_sincos` on eight lanes.
AVX2_FMA static void sincos_avx2(__m256 x, __m256 *sine, __m256 *cosine) {
    const __m256 signMask = _mm256_castsi256_ps(_mm256_set1_epi32((int)0x80000000u));
    __m256 sinSign = _mm256_and_ps(x, signMask);
    x = _mm256_andnot_ps(signMask, x);
    __m256i octant = _mm256_cvttps_epi32(_mm256_mul_ps(x, _mm256_set1_ps(kFourOverPi)));
    octant = _mm256_and_si256(_mm256_add_epi32(octant, _mm256_set1_epi32(1)), _mm256_set1_epi32(~1));
    __m256 j = _mm256_cvtepi32_ps(octant);
    __m256 swapSign = _mm256_castsi256_ps(_mm256_slli_epi32(_mm256_and_si256(octant, _mm256_set1_epi32(4)), 29));
    __m256 useSine = _mm256_castsi256_ps(
        _mm256_cmpeq_epi32(_mm256_and_si256(octant, _mm256_set1_epi32(2)), _mm256_setzero_si256()));
    __m256 cosSign = _mm256_castsi256_ps(_mm256_slli_epi32(
        _mm256_andnot_si256(_mm256_sub_epi32(octant, _mm256_set1_epi32(2)), _mm256_set1_epi32(4)), 29));
    sinSign = _mm256_xor_ps(sinSign, swapSign);
    __m256 r = _mm256_fmadd_ps(j, _mm256_set1_ps(kMinusDP1), x);
    r = _mm256_fmadd_ps(j, _mm256_set1_ps(kMinusDP2), r);
    r = _mm256_fmadd_ps(j, _mm256_set1_ps(kMinusDP3), r);
    __m256 z = _mm256_mul_ps(r, r);
    __m256 c = _mm256_fmadd_ps(_mm256_set1_ps(kCosP0), z, _mm256_set1_ps(kCosP1));
    c = _mm256_fmadd_ps(c, z, _mm256_set1_ps(kCosP2));
    c = _mm256_mul_ps(c, z);
    c = _mm256_fmsub_ps(c, z, _mm256_mul_ps(z, _mm256_set1_ps(0.5f)));
    c = _mm256_add_ps(c, _mm256_set1_ps(1.0f));
    __m256 s = _mm256_fmadd_ps(_mm256_set1_ps(kSinP0), z, _mm256_set1_ps(kSinP1));
    s = _mm256_fmadd_ps(s, z, _mm256_set1_ps(kSinP2));
    s = _mm256_mul_ps(s, z);
    s = _mm256_fmadd_ps(s, r, r);
    *sine = _mm256_xor_ps(_mm256_blendv_ps(c, s, useSine), sinSign);
    *cosine = _mm256_xor_ps(_mm256_blendv_ps(s, c, useSine), cosSign);
}

AVX2_FMA static void normal_blocks_avx2(float *values, size_t blocks, float mean, float std) {
    const __m256 one = _mm256_set1_ps(1.0f), minusTwo = _mm256_set1_ps(-2.0f), twoPi = _mm256_set1_ps(kTwoPi);
    const __m256 meanV = _mm256_set1_ps(mean), stdV = _mm256_set1_ps(std);
    for (size_t block = 0; block < blocks; block++) {
        float *d = values + 16 * block;
        __m256 u1 = _mm256_sub_ps(one, _mm256_loadu_ps(d));
        __m256 u2 = _mm256_loadu_ps(d + 8);
        __m256 radius = _mm256_sqrt_ps(_mm256_mul_ps(minusTwo, log_avx2(u1)));
        __m256 s, c;
        sincos_avx2(_mm256_mul_ps(twoPi, u2), &s, &c);
        _mm256_storeu_ps(d, _mm256_fmadd_ps(_mm256_mul_ps(radius, c), stdV, meanV));
        _mm256_storeu_ps(d + 8, _mm256_fmadd_ps(_mm256_mul_ps(radius, s), stdV, meanV));
    }
}

#endif

// MARK: - Dispatch

int torch_random_has_avx2_fma(void) {
#ifdef TORCH_RANDOM_HAS_AVX2_PATH
    static _Atomic int cached = -1;  // -1: not asked yet
    int known = atomic_load_explicit(&cached, memory_order_relaxed);
    if (known < 0) {
        __builtin_cpu_init();
        known = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
        atomic_store_explicit(&cached, known, memory_order_relaxed);
    }
    return known;
#else
    return 0;
#endif
}

void torch_random_uniform(const uint32_t *random, float *values, size_t count, float from, float to) {
#ifdef TORCH_RANDOM_HAS_AVX2_PATH
    if (torch_random_has_avx2_fma()) {
        uniform_avx2(random, values, count, from, to);
        return;
    }
#endif
    torch_random_uniform_portable(random, values, count, from, to);
}

void torch_random_normal_blocks(float *values, size_t blocks, float mean, float std) {
#ifdef TORCH_RANDOM_HAS_AVX2_PATH
    if (torch_random_has_avx2_fma()) {
        normal_blocks_avx2(values, blocks, mean, std);
        return;
    }
#endif
    torch_random_normal_blocks_portable(values, blocks, mean, std);
}
