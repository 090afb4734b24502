/*
 * Argon2's 1 KiB block and its compression function G (RFC 9106 3.5-3.6).
 */
#ifndef BLOCK_H
#define BLOCK_H

#include <stdint.h>
#include <wasm_simd128.h>

typedef union {
  v128_t v[64];
  uint64_t w[128];
} block;

/* out = G(x, y), or out ^= G(x, y) when xor_into_out (passes after the
 * first, version 0x13). out may alias x or y. */
void compress_block(block *out, const block *x, const block *y, int xor_into_out);

void xor_block(block *dst, const block *src);

#endif
