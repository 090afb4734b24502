/*
 * The block compression G with wasm simd128. A block is 64 vectors of two
 * 64-bit words; the permutation P runs on eight vectors at a time, first on
 * each row (vectors 8r..8r+7), then on each column (vectors c, c+8, ...,
 * c+56). Two words per vector is the layout libargon2's SSE code uses, whose
 * structure (not code) this follows.
 *
 * Choices below were measured on V8 (Node, Deno) and JavaScriptCore (Bun);
 * see wasm/README.md.
 */
#include "block.h"

/* BlaMka: a + b + 2 * lo32(a) * lo32(b) per 64-bit lane. wasm has no
 * pmuludq; extmul of the gathered low halves is the shortest route on both
 * engines (i64x2.mul on masked inputs made the block function about 45%
 * slower on V8 and 65% on JSC). */
static inline v128_t blamka(v128_t a, v128_t b) {
  v128_t al = wasm_i32x4_shuffle(a, a, 0, 2, 0, 2);
  v128_t bl = wasm_i32x4_shuffle(b, b, 0, 2, 0, 2);
  v128_t m = wasm_u64x2_extmul_low_u32x4(al, bl);
  return wasm_i64x2_add(wasm_i64x2_add(a, b), wasm_i64x2_add(m, m));
}

/* Rotation by 32 is a lane swap (one pshufd on V8). 24 and 16 could be byte
 * shuffles too, but those cost JSC about 12% and V8 2-4% over shifts. */
#define ROTR_SHIFT(x, n) wasm_v128_or(wasm_u64x2_shr(x, n), wasm_i64x2_shl(x, 64 - n))
#define ROTR32(x) wasm_i32x4_shuffle(x, x, 1, 0, 3, 2)
#define ROTR24(x) ROTR_SHIFT(x, 24)
#define ROTR16(x) ROTR_SHIFT(x, 16)
#define ROTR63(x) wasm_v128_xor(wasm_u64x2_shr(x, 63), wasm_i64x2_add(x, x))

#define HALF_ROUND(A0, A1, B0, B1, C0, C1, D0, D1, ROT_D, ROT_B)                \
  do {                                                                          \
    A0 = blamka(A0, B0);                                                        \
    A1 = blamka(A1, B1);                                                        \
    D0 = ROT_D(wasm_v128_xor(D0, A0));                                          \
    D1 = ROT_D(wasm_v128_xor(D1, A1));                                          \
    C0 = blamka(C0, D0);                                                        \
    C1 = blamka(C1, D1);                                                        \
    B0 = ROT_B(wasm_v128_xor(B0, C0));                                          \
    B1 = ROT_B(wasm_v128_xor(B1, C1));                                          \
  } while (0)

/* Rotates words 4..7 left by one, 8..11 by two and 12..15 by three, so the
 * diagonals line up as columns; swapping C0 and C1 is a renaming. */
#define DIAGONALIZE(B0, B1, C0, C1, D0, D1)                                     \
  do {                                                                          \
    v128_t t0 = wasm_i64x2_shuffle(B0, B1, 1, 2);                               \
    v128_t t1 = wasm_i64x2_shuffle(B1, B0, 1, 2);                               \
    B0 = t0;                                                                    \
    B1 = t1;                                                                    \
    t0 = C0;                                                                    \
    C0 = C1;                                                                    \
    C1 = t0;                                                                    \
    t0 = wasm_i64x2_shuffle(D1, D0, 1, 2);                                      \
    t1 = wasm_i64x2_shuffle(D0, D1, 1, 2);                                      \
    D0 = t0;                                                                    \
    D1 = t1;                                                                    \
  } while (0)

#define UNDIAGONALIZE(B0, B1, C0, C1, D0, D1)                                   \
  do {                                                                          \
    v128_t t0 = wasm_i64x2_shuffle(B1, B0, 1, 2);                               \
    v128_t t1 = wasm_i64x2_shuffle(B0, B1, 1, 2);                               \
    B0 = t0;                                                                    \
    B1 = t1;                                                                    \
    t0 = C0;                                                                    \
    C0 = C1;                                                                    \
    C1 = t0;                                                                    \
    t0 = wasm_i64x2_shuffle(D0, D1, 1, 2);                                      \
    t1 = wasm_i64x2_shuffle(D1, D0, 1, 2);                                      \
    D0 = t0;                                                                    \
    D1 = t1;                                                                    \
  } while (0)

#define PERMUTE(A0, A1, B0, B1, C0, C1, D0, D1)                                 \
  do {                                                                          \
    HALF_ROUND(A0, A1, B0, B1, C0, C1, D0, D1, ROTR32, ROTR24);                 \
    HALF_ROUND(A0, A1, B0, B1, C0, C1, D0, D1, ROTR16, ROTR63);                 \
    DIAGONALIZE(B0, B1, C0, C1, D0, D1);                                        \
    HALF_ROUND(A0, A1, B0, B1, C0, C1, D0, D1, ROTR32, ROTR24);                 \
    HALF_ROUND(A0, A1, B0, B1, C0, C1, D0, D1, ROTR16, ROTR63);                 \
    UNDIAGONALIZE(B0, B1, C0, C1, D0, D1);                                      \
  } while (0)

/*
 * The row and column passes are separate small functions with constant
 * strides. Inlining all sixteen permutations into one function was as fast
 * on V8 but 65% slower on JSC; one permute function with a runtime stride
 * (and the XORs as separate loops) was 16-20% slower on both.
 */

/* One row: r = x ^ y (kept for the final XOR), q = P(r). */
__attribute__((noinline)) static void row_pass(v128_t *q, v128_t *r, const v128_t *x,
                                               const v128_t *y) {
  v128_t a0 = r[0] = wasm_v128_xor(x[0], y[0]);
  v128_t a1 = r[1] = wasm_v128_xor(x[1], y[1]);
  v128_t b0 = r[2] = wasm_v128_xor(x[2], y[2]);
  v128_t b1 = r[3] = wasm_v128_xor(x[3], y[3]);
  v128_t c0 = r[4] = wasm_v128_xor(x[4], y[4]);
  v128_t c1 = r[5] = wasm_v128_xor(x[5], y[5]);
  v128_t d0 = r[6] = wasm_v128_xor(x[6], y[6]);
  v128_t d1 = r[7] = wasm_v128_xor(x[7], y[7]);
  PERMUTE(a0, a1, b0, b1, c0, c1, d0, d1);
  q[0] = a0;
  q[1] = a1;
  q[2] = b0;
  q[3] = b1;
  q[4] = c0;
  q[5] = c1;
  q[6] = d0;
  q[7] = d1;
}

/* One column: out = P(q) ^ r, or out ^= P(q) ^ r. */
__attribute__((always_inline)) static inline void column_pass(v128_t *out, const v128_t *q,
                                                              const v128_t *r, int xor_into_out) {
  v128_t v[8];
  for (int k = 0; k < 8; k++) v[k] = q[8 * k];
  PERMUTE(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
  for (int k = 0; k < 8; k++) {
    v128_t z = wasm_v128_xor(v[k], r[8 * k]);
    if (xor_into_out) z = wasm_v128_xor(z, out[8 * k]);
    out[8 * k] = z;
  }
}

__attribute__((noinline)) static void column_pass_set(v128_t *out, const v128_t *q,
                                                      const v128_t *r) {
  column_pass(out, q, r, 0);
}

__attribute__((noinline)) static void column_pass_xor(v128_t *out, const v128_t *q,
                                                      const v128_t *r) {
  column_pass(out, q, r, 1);
}

void compress_block(block *out, const block *x, const block *y, int xor_into_out) {
  block r, q;
  for (int i = 0; i < 8; i++) row_pass(&q.v[8 * i], &r.v[8 * i], &x->v[8 * i], &y->v[8 * i]);
  if (xor_into_out) {
    for (int i = 0; i < 8; i++) column_pass_xor(&out->v[i], &q.v[i], &r.v[i]);
  } else {
    for (int i = 0; i < 8; i++) column_pass_set(&out->v[i], &q.v[i], &r.v[i]);
  }
}

void xor_block(block *dst, const block *src) {
  for (int i = 0; i < 64; i++) dst->v[i] = wasm_v128_xor(dst->v[i], src->v[i]);
}
