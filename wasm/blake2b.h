/*
 * BLAKE2b (RFC 7693), unkeyed, as Argon2 needs it: the initial hash H0 and
 * the variable-length hash H' of RFC 9106 section 3.3.
 */
#ifndef BLAKE2B_H
#define BLAKE2B_H

#include <stdint.h>

typedef struct {
  uint64_t h[8];
  /* Argon2's inputs stay below 4 GiB, so the high half of the 128-bit byte
   * counter is always zero and is not stored. */
  uint64_t counter;
  uint8_t buf[128];
  uint32_t buflen;
  uint32_t outlen;
} blake2b_state;

void blake2b_init(blake2b_state *s, uint32_t outlen);
void blake2b_update(blake2b_state *s, const uint8_t *in, uint32_t len);
void blake2b_final(blake2b_state *s, uint8_t *out);

/* H'^T(in): BLAKE2b stretched to any output length (RFC 9106 section 3.3). */
void blake2b_long(uint8_t *out, uint32_t outlen, const uint8_t *in, uint32_t inlen);

#endif
