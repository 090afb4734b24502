// The runtime's own SHA-256 and HMAC (src/crypto/native_hash.ts): Bun's,
// Node's node:crypto, and Deno's node:crypto once a body of 1 MiB has
// loaded it. Whichever hashes, the digests are the same as our JavaScript's.
import { equal, ok, test } from "../harness.ts";
import { DENO_NATIVE_FROM, nativeHash } from "../../src/crypto/native_hash.ts";
import { sha256Hex } from "../../src/crypto/hash.ts";
import { hmacKey, hmacStringHex, sha256BytesHex } from "../../src/crypto/sha256.ts";

const enc = new TextEncoder();

test("nativeHash: a body of 1 MiB makes it available on Deno, Node and Bun, and it agrees with ours", () => {
  const native = nativeHash(DENO_NATIVE_FROM);
  ok(native, "no native hashing after a 1 MiB body");
  // FIPS 180-2's "abc" and RFC 4231's test case 2 (key "Jefe").
  equal(native.sha256("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  equal(
    native.hmac(enc.encode("Jefe"), "what do ya want for nothing?"),
    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
  );
  equal(nativeHash(), native);
  const body = new Uint8Array(DENO_NATIVE_FROM + 7).map((_, i) => (i * 31) % 256);
  equal(native.sha256(body), sha256BytesHex(body));
  equal(native.sha256(body.subarray(3, 4099)), sha256BytesHex(body.subarray(3, 4099)));
  equal(
    hmacStringHex(hmacKey(enc.encode("Jefe")), "what do ya want for nothing?"),
    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
  );
});

test("sha256Hex: bodies on either side of 1 MiB and of 64 KiB hash as our JavaScript does", async () => {
  for (const size of [0, 1, 4096, 65535, 65536, DENO_NATIVE_FROM - 1, DENO_NATIVE_FROM]) {
    const body = new Uint8Array(size).map((_, i) => (i * 7) % 256);
    equal(await sha256Hex(body), sha256BytesHex(body), `size ${size}`);
  }
});
