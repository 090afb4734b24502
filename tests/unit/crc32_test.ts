// CRC-32 and CRC-32C against their standard check values.
import { equal, test } from "../harness.ts";
import { crc32, crc32c } from "../../src/crypto/crc32.ts";

const enc = new TextEncoder();

test("crc32: standard check values", () => {
  equal(crc32(enc.encode("")), 0);
  equal(crc32(enc.encode("a")), 0xe8b7be43);
  equal(crc32(enc.encode("123456789")), 0xcbf43926);
  equal(crc32(enc.encode("The quick brown fox jumps over the lazy dog")), 0x414fa339);
  equal(crc32(Uint8Array.from({ length: 256 }, (_, i) => i)), 0x29058c73);
});

test("crc32: a seed continues the CRC over the next piece", () => {
  const all = enc.encode("123456789");
  for (let i = 0; i <= all.length; i++) {
    equal(crc32(all.subarray(i), crc32(all.subarray(0, i))), 0xcbf43926);
  }
});

test("crc32c: standard check values", () => {
  equal(crc32c(enc.encode("")), 0);
  equal(crc32c(enc.encode("123456789")), 0xe3069283);
  equal(crc32c(new Uint8Array(32)), 0x8a9136aa);
  equal(crc32c(new Uint8Array(32).fill(0xff)), 0x62a8ab43);
});

test("crc32 / crc32c: the 8-byte fast path agrees with byte-at-a-time over odd lengths", () => {
  const data = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31 + 7) & 0xff);
  for (const n of [0, 1, 7, 8, 9, 15, 16, 17, 999]) {
    let a = 0;
    let b = 0;
    for (let i = 0; i < n; i++) {
      a = crc32(data.subarray(i, i + 1), a);
      b = crc32c(data.subarray(i, i + 1), b);
    }
    equal(crc32(data.subarray(0, n)), a);
    equal(crc32c(data.subarray(0, n)), b);
  }
});
