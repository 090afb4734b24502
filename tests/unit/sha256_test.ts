// The signer's own SHA-256 / HMAC-SHA256 against published vectors and
// against @noble/hashes for many lengths and non-ASCII text.
import { equal, test } from "../harness.ts";
import {
  hmacBytes,
  hmacKey,
  hmacStringHex,
  sha256BytesHex,
  sha256StringHex,
} from "../../src/crypto/sha256.ts";
import { sha256 } from "@noble/hashes/sha2.js";
import { hmac } from "@noble/hashes/hmac.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

test("sha256: FIPS 180-2 / NIST example vectors", () => {
  equal(sha256StringHex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  equal(sha256StringHex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  equal(
    sha256StringHex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
  );
  equal(
    sha256StringHex("a".repeat(1_000_000)),
    "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
  );
});

test("hmac-sha256: RFC 4231 test cases 1, 2 and 6 (a key longer than a block)", () => {
  const hex = (h: string) => Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
  equal(
    hmacStringHex(hmacKey(hex("0b".repeat(20))), "Hi There"),
    "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
  );
  equal(
    hmacStringHex(hmacKey(utf8ToBytes("Jefe")), "what do ya want for nothing?"),
    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
  );
  equal(
    hmacStringHex(
      hmacKey(hex("aa".repeat(131))),
      "Test Using Larger Than Block-Size Key - Hash Key First",
    ),
    "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
  );
  equal(
    bytesToHex(
      hmacBytes(hex("aa".repeat(131)), "Test Using Larger Than Block-Size Key - Hash Key First"),
    ),
    "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
  );
});

test("sha256 / hmac: equal to noble for every length 0..300 and non-ASCII text", () => {
  const key = utf8ToBytes("signing-key-0123456789abcdef0123");
  const mac = hmacKey(key);
  const alphabet = "aZ09 -_~ü€𝄞\n";
  let s = "";
  for (let n = 0; n <= 300; n++) {
    equal(sha256StringHex(s), bytesToHex(sha256(utf8ToBytes(s))), `sha256 length ${n}`);
    equal(sha256BytesHex(utf8ToBytes(s)), bytesToHex(sha256(utf8ToBytes(s))), `bytes length ${n}`);
    equal(hmacStringHex(mac, s), bytesToHex(hmac(sha256, key, utf8ToBytes(s))), `hmac length ${n}`);
    equal(bytesToHex(hmacBytes(key, s)), bytesToHex(hmac(sha256, key, utf8ToBytes(s))));
    s += alphabet[(n * 7) % alphabet.length];
  }
  const lone = "a\ud800b";
  equal(sha256StringHex(lone), bytesToHex(sha256(utf8ToBytes(lone))));
});

test("sha256Hex of request bodies: native on Node and Bun, elsewhere the signer's hash below 64 KiB and Web Crypto above; same digests", async () => {
  const { sha256Hex } = await import("../../src/crypto/hash.ts");
  for (const n of [0, 1, 64 * 1024 - 1, 64 * 1024, 64 * 1024 + 1, 5 * 1024 * 1024 + 3]) {
    const data = new Uint8Array(n);
    for (let i = 0; i < n; i++) data[i] = (i * 31 + (i >> 8)) & 255;
    equal(await sha256Hex(data), bytesToHex(sha256(data)), `length ${n}`);
    // A view into a larger buffer hashes only its own bytes.
    const wider = new Uint8Array(n + 10);
    wider.set(data, 5);
    equal(await sha256Hex(wider.subarray(5, 5 + n)), bytesToHex(sha256(data)), `view ${n}`);
  }
});
