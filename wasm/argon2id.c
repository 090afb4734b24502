/*
 * Argon2id (RFC 9106, version 0x13) for a freestanding wasm32 module: no
 * libc, no WASI, no imports. The host writes password || salt || secret ||
 * associated data into the buffer argon2_alloc returns, calls argon2_run
 * and reads the tag at the pointer it returns.
 *
 * Memory layout, grown on demand: [stack, data][inputs][tag][blocks]. The
 * lanes are filled one after another within each slice, which gives the
 * same result as parallel lanes because lanes only meet at the slice
 * boundaries (the RFC's synchronisation points).
 */
#include <stdint.h>

#include "blake2b.h"
#include "block.h"

#define EXPORT(name) __attribute__((export_name(name)))

#define SYNC_POINTS 4
#define ADDRESSES_PER_BLOCK 128
#define ARGON2_VERSION 0x13
#define ARGON2_ID 2
#define WASM_PAGE 65536ULL
#define MAX_MEMORY (65536ULL * WASM_PAGE)

extern unsigned char __heap_base;

static uint32_t input_capacity;

/* Scratch blocks for data-independent addressing (argon2i-style indices in
 * the first half of the first pass). */
static block address_block, address_input;
static const block zero_block;

typedef struct {
  block *memory;
  uint32_t passes, lanes, lane_length, segment_length;
} instance;

static uint64_t align_up(uint64_t x, uint64_t a) { return (x + a - 1) & ~(a - 1); }

static uint8_t *input_base(void) {
  return (uint8_t *)(uintptr_t)align_up((uintptr_t)&__heap_base, 64);
}

static int ensure_memory(uint64_t end) {
  if (end > MAX_MEMORY) return 0;
  uint64_t pages = (end + WASM_PAGE - 1) / WASM_PAGE;
  uint64_t have = __builtin_wasm_memory_size(0);
  return pages <= have || __builtin_wasm_memory_grow(0, pages - have) != (uintptr_t)-1;
}

static void put_le32(blake2b_state *s, uint32_t v) {
  uint8_t b[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
  blake2b_update(s, b, 4);
}

/* Stores through a volatile pointer so the compiler keeps the wipe of a
 * buffer it can see is never read again. */
static void wipe(void *p, uint32_t n) {
  volatile uint8_t *q = p;
  while (n--) *q++ = 0;
}

/* Callees leave key material in their stack frames, which live in linear
 * memory the host can read: BLAKE2b states hold the tag and message words
 * that held the password, and the final block derives the tag. Overwriting
 * the stack below the caller's frame clears them all. The deepest path
 * (the final block, then compress_block's two) needs under 4 KiB. */
__attribute__((noinline)) static void burn_stack(void) {
  volatile uint8_t frame[8192];
  for (uint32_t i = 0; i < sizeof frame; i++) frame[i] = 0;
}

static void next_addresses(void) {
  address_input.w[6]++;
  compress_block(&address_block, &zero_block, &address_input, 0);
  compress_block(&address_block, &zero_block, &address_block, 0);
}

/* Maps J1 onto the blocks this position may reference (RFC 9106 3.4.2). */
static uint32_t reference_index(const instance *in, uint32_t pass, uint32_t slice,
                                uint32_t index, uint32_t j1, int same_lane) {
  uint32_t area;
  if (pass == 0) {
    area = slice * in->segment_length;
    if (slice == 0 || same_lane) area += index - 1;
    else if (index == 0) area -= 1;
  } else {
    area = in->lane_length - in->segment_length;
    if (same_lane) area += index - 1;
    else if (index == 0) area -= 1;
  }
  uint64_t x = ((uint64_t)j1 * j1) >> 32;
  uint32_t relative = area - 1 - (uint32_t)(((uint64_t)area * x) >> 32);
  uint32_t start = 0;
  if (pass != 0 && slice != SYNC_POINTS - 1) start = (slice + 1) * in->segment_length;
  return (start + relative) % in->lane_length;
}

static void fill_segment(const instance *in, uint32_t pass, uint32_t lane, uint32_t slice) {
  int independent = pass == 0 && slice < SYNC_POINTS / 2;
  if (independent) {
    address_input = zero_block;
    address_input.w[0] = pass;
    address_input.w[1] = lane;
    address_input.w[2] = slice;
    address_input.w[3] = (uint64_t)in->lane_length * in->lanes;
    address_input.w[4] = in->passes;
    address_input.w[5] = ARGON2_ID;
  }
  uint32_t first = 0;
  if (pass == 0 && slice == 0) {
    first = 2; /* blocks 0 and 1 come from H0 */
    if (independent) next_addresses();
  }
  block *lane_start = in->memory + (uint64_t)lane * in->lane_length;
  uint32_t offset = slice * in->segment_length;
  for (uint32_t i = first; i < in->segment_length; i++) {
    uint32_t column = offset + i;
    block *prev = lane_start + (column == 0 ? in->lane_length - 1 : column - 1);
    uint64_t rand;
    if (independent) {
      if (i % ADDRESSES_PER_BLOCK == 0) next_addresses();
      rand = address_block.w[i % ADDRESSES_PER_BLOCK];
    } else {
      rand = prev->w[0];
    }
    uint32_t ref_lane = (pass == 0 && slice == 0) ? lane : (uint32_t)(rand >> 32) % in->lanes;
    uint32_t ref = reference_index(in, pass, slice, i, (uint32_t)rand, ref_lane == lane);
    block *ref_block = in->memory + (uint64_t)ref_lane * in->lane_length + ref;
    compress_block(lane_start + column, prev, ref_block, pass != 0);
  }
}

/*
 * Grows memory to hold `size` input bytes and returns where to write them,
 * or 0 when the memory cannot grow.
 */
EXPORT("argon2_alloc") uint8_t *argon2_alloc(uint32_t size) {
  uint8_t *base = input_base();
  if (!ensure_memory((uintptr_t)base + (uint64_t)size)) return 0;
  input_capacity = size;
  return base;
}

/* H0 (RFC 9106 3.2) over the parameters and the four inputs at `in`. */
static void initial_hash(uint8_t h0[64], const uint8_t *in, const uint32_t lengths[4],
                         uint32_t t, uint32_t m, uint32_t p, uint32_t taglen) {
  blake2b_state s;
  blake2b_init(&s, 64);
  put_le32(&s, p);
  put_le32(&s, taglen);
  put_le32(&s, m);
  put_le32(&s, t);
  put_le32(&s, ARGON2_VERSION);
  put_le32(&s, ARGON2_ID);
  for (int i = 0; i < 4; i++) {
    put_le32(&s, lengths[i]);
    blake2b_update(&s, in, lengths[i]);
    in += lengths[i];
  }
  blake2b_final(&s, h0);
}

/* Fills the memory from H0 and writes the tag (RFC 9106 3.2 steps 3-7). */
static void fill_and_finalize(const instance *inst, uint8_t h0[72], uint8_t *tag, uint32_t taglen) {
  for (uint32_t lane = 0; lane < inst->lanes; lane++) {
    for (uint32_t j = 0; j < 2; j++) {
      uint32_t suffix[2] = {j, lane}; /* LE32(j) || LE32(lane): wasm is little-endian */
      __builtin_memcpy(h0 + 64, suffix, 8);
      blake2b_long((uint8_t *)(inst->memory + (uint64_t)lane * inst->lane_length + j),
                   sizeof(block), h0, 72);
    }
  }
  for (uint32_t pass = 0; pass < inst->passes; pass++)
    for (uint32_t slice = 0; slice < SYNC_POINTS; slice++)
      for (uint32_t lane = 0; lane < inst->lanes; lane++) fill_segment(inst, pass, lane, slice);

  block final = inst->memory[inst->lane_length - 1];
  for (uint32_t lane = 1; lane < inst->lanes; lane++)
    xor_block(&final, inst->memory + (uint64_t)lane * inst->lane_length + inst->lane_length - 1);
  blake2b_long(tag, taglen, (const uint8_t *)&final, sizeof final);
}

/*
 * Derives a taglen-byte tag from the inputs written at argon2_alloc's
 * pointer, in order: password, salt, secret, associated data. Returns a
 * pointer to the tag, or 0 for parameters the RFC rejects or memory that
 * cannot grow. The inputs are wiped on every path, as soon as H0 is known,
 * and H0 and the stack before returning.
 * The filled blocks are left in place: they derive from H0 one way and give
 * nothing beyond the tag the caller already holds.
 */
EXPORT("argon2_run")
uint8_t *argon2_run(uint32_t pwdlen, uint32_t saltlen, uint32_t secretlen, uint32_t adlen,
                    uint32_t t, uint32_t m, uint32_t p, uint32_t taglen) {
  uint64_t inlen = (uint64_t)pwdlen + saltlen + secretlen + adlen;
  uint8_t *in = input_base();
  if (inlen > input_capacity) {
    __builtin_memset(in, 0, input_capacity);
    return 0;
  }
  uint8_t h0[72];
  uint32_t lengths[4] = {pwdlen, saltlen, secretlen, adlen};
  initial_hash(h0, in, lengths, t, m, p, taglen);
  __builtin_memset(in, 0, inlen);

  uint8_t *tag = 0;
  if (t >= 1 && p >= 1 && p <= 0xFFFFFF && m >= 8ULL * p && taglen >= 4) {
    uint64_t tag_at = align_up((uintptr_t)in + inlen, 64);
    uint64_t blocks_at = align_up(tag_at + taglen, 1024);
    instance inst;
    inst.passes = t;
    inst.lanes = p;
    inst.segment_length = m / (SYNC_POINTS * p);
    inst.lane_length = inst.segment_length * SYNC_POINTS;
    inst.memory = (block *)(uintptr_t)blocks_at;
    if (ensure_memory(blocks_at + (uint64_t)inst.lane_length * p * sizeof(block))) {
      tag = (uint8_t *)(uintptr_t)tag_at;
      fill_and_finalize(&inst, h0, tag, taglen);
    }
  }
  wipe(h0, sizeof h0);
  burn_stack();
  return tag;
}
