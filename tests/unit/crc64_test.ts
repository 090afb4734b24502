// CRC-64/NVME against its catalogued check value and across split inputs.
import { equal, test } from "../harness.ts";
import { crc64nvme } from "../../src/crypto/crc64.ts";

const hex = (b: Uint8Array) => [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
const enc = new TextEncoder();

test("crc64nvme: check values", () => {
  // The CRC RevEng catalogue's check value of CRC-64/NVME ("123456789").
  equal(hex(crc64nvme(enc.encode("123456789"))), "ae8b14860a799888");
  equal(hex(crc64nvme(new Uint8Array(0))), "0000000000000000");
});

test("crc64nvme: the 8-byte fast path agrees with byte-at-a-time, and a seed continues", () => {
  const data = Uint8Array.from({ length: 1000 }, (_, i) => (i * 31 + 7) & 0xff);
  for (const n of [0, 1, 7, 8, 9, 15, 16, 17, 999, 1000]) {
    let seed: Uint8Array | undefined;
    for (let i = 0; i < n; i++) seed = crc64nvme(data.subarray(i, i + 1), seed);
    equal(hex(crc64nvme(data.subarray(0, n))), hex(seed ?? crc64nvme(new Uint8Array(0))), `n=${n}`);
    equal(
      hex(crc64nvme(data.subarray(300), crc64nvme(data.subarray(0, 300)))),
      hex(crc64nvme(data)),
    );
  }
});
