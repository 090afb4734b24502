// The runtime's own SHA-256 and HMAC (src/crypto/native_hash.ts): Bun's and
// Node's node:crypto; none on Deno (its node:crypto costs memory for no gain
// in throughput, see the module). Where there is one, its digests are ours.
import { equal, ok, test } from "../harness.ts";
import { nativeHash } from "../../src/crypto/native_hash.ts";
import { hmacBytes, sha256BytesHex } from "../../src/crypto/sha256.ts";
import { bytesToHex } from "../../src/crypto/hex.ts";

const enc = new TextEncoder();
// FIPS 180-2's "abc" and RFC 4231's test case 2 (key "Jefe").
const ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
const JEFE = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843";

test("nativeHash: Node's and Bun's own hashing agree with the published vectors and with ours; Deno has none", () => {
  const native = nativeHash();
  if ("Deno" in globalThis) {
    equal(native, undefined);
    return;
  }
  ok(native, "no native hashing on Node or Bun");
  equal(native.sha256("abc"), ABC);
  equal(native.hmac(enc.encode("Jefe"), "what do ya want for nothing?"), JEFE);
  const body = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
  equal(native.sha256(body), sha256BytesHex(body));
  equal(native.sha256(body.subarray(3, 4099)), sha256BytesHex(body.subarray(3, 4099)));
});

test("sha256 and HMAC of our JavaScript match the published vectors", () => {
  equal(sha256BytesHex(enc.encode("abc")), ABC);
  equal(bytesToHex(hmacBytes(enc.encode("Jefe"), "what do ya want for nothing?")), JEFE);
});
