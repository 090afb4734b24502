/*
 * Scalar BLAKE2b. Argon2 calls it only around the memory fill (H0, the
 * first two blocks of each lane, the tag): a few hundred compressions per
 * derivation, against 65536 block compressions for 64 MiB, so it is kept
 * plain and small rather than vectorised.
 */
#include "blake2b.h"

static const uint64_t IV[8] = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
    0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
    0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};

static const uint8_t SIGMA[12][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
};

static inline uint64_t rotr64(uint64_t x, unsigned n) {
  return (x >> n) | (x << (64 - n));
}

/* WebAssembly memory is little-endian, as BLAKE2b's words are. */
static inline uint64_t load64(const uint8_t *p) {
  uint64_t v;
  __builtin_memcpy(&v, p, 8);
  return v;
}

#define G(a, b, c, d, x, y)                                                    \
  do {                                                                         \
    v[a] = v[a] + v[b] + (x);                                                  \
    v[d] = rotr64(v[d] ^ v[a], 32);                                            \
    v[c] = v[c] + v[d];                                                        \
    v[b] = rotr64(v[b] ^ v[c], 24);                                            \
    v[a] = v[a] + v[b] + (y);                                                  \
    v[d] = rotr64(v[d] ^ v[a], 16);                                            \
    v[c] = v[c] + v[d];                                                        \
    v[b] = rotr64(v[b] ^ v[c], 63);                                            \
  } while (0)

static void compress(blake2b_state *s, const uint8_t *block, int last) {
  uint64_t m[16], v[16];
  for (int i = 0; i < 16; i++) m[i] = load64(block + 8 * i);
  for (int i = 0; i < 8; i++) {
    v[i] = s->h[i];
    v[i + 8] = IV[i];
  }
  v[12] ^= s->counter;
  if (last) v[14] = ~v[14];
  for (int r = 0; r < 12; r++) {
    const uint8_t *sg = SIGMA[r];
    G(0, 4, 8, 12, m[sg[0]], m[sg[1]]);
    G(1, 5, 9, 13, m[sg[2]], m[sg[3]]);
    G(2, 6, 10, 14, m[sg[4]], m[sg[5]]);
    G(3, 7, 11, 15, m[sg[6]], m[sg[7]]);
    G(0, 5, 10, 15, m[sg[8]], m[sg[9]]);
    G(1, 6, 11, 12, m[sg[10]], m[sg[11]]);
    G(2, 7, 8, 13, m[sg[12]], m[sg[13]]);
    G(3, 4, 9, 14, m[sg[14]], m[sg[15]]);
  }
  for (int i = 0; i < 8; i++) s->h[i] ^= v[i] ^ v[i + 8];
}

void blake2b_init(blake2b_state *s, uint32_t outlen) {
  for (int i = 0; i < 8; i++) s->h[i] = IV[i];
  /* Parameter block: digest length, no key, fanout 1, depth 1. */
  s->h[0] ^= 0x01010000ULL ^ outlen;
  s->counter = 0;
  s->buflen = 0;
  s->outlen = outlen;
}

void blake2b_update(blake2b_state *s, const uint8_t *in, uint32_t len) {
  while (len > 0) {
    /* The last block must be compressed with the final flag, so a full
     * buffer waits until more input proves it is not the last. */
    if (s->buflen == 128) {
      s->counter += 128;
      compress(s, s->buf, 0);
      s->buflen = 0;
    }
    uint32_t take = 128 - s->buflen;
    if (take > len) take = len;
    __builtin_memcpy(s->buf + s->buflen, in, take);
    s->buflen += take;
    in += take;
    len -= take;
  }
}

void blake2b_final(blake2b_state *s, uint8_t *out) {
  s->counter += s->buflen;
  __builtin_memset(s->buf + s->buflen, 0, 128 - s->buflen);
  compress(s, s->buf, 1);
  __builtin_memcpy(out, s->h, s->outlen);
}

static void blake2b(uint8_t *out, uint32_t outlen, const uint8_t *in, uint32_t inlen) {
  blake2b_state s;
  blake2b_init(&s, outlen);
  blake2b_update(&s, in, inlen);
  blake2b_final(&s, out);
}

void blake2b_long(uint8_t *out, uint32_t outlen, const uint8_t *in, uint32_t inlen) {
  uint8_t len_le[4] = {(uint8_t)outlen, (uint8_t)(outlen >> 8),
                       (uint8_t)(outlen >> 16), (uint8_t)(outlen >> 24)};
  blake2b_state s;
  if (outlen <= 64) {
    blake2b_init(&s, outlen);
    blake2b_update(&s, len_le, 4);
    blake2b_update(&s, in, inlen);
    blake2b_final(&s, out);
    return;
  }
  /* V1 = H^64(T || in), then V(i+1) = H^64(V(i)); each V contributes its
   * first half, and the last one is sized to what is left. */
  uint8_t v[64];
  blake2b_init(&s, 64);
  blake2b_update(&s, len_le, 4);
  blake2b_update(&s, in, inlen);
  blake2b_final(&s, v);
  __builtin_memcpy(out, v, 32);
  out += 32;
  uint32_t left = outlen - 32;
  while (left > 64) {
    blake2b(v, 64, v, 64);
    __builtin_memcpy(out, v, 32);
    out += 32;
    left -= 32;
  }
  blake2b(out, left, v, 64);
}
