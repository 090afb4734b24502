// Additional checksums (x-amz-checksum-*) verified by the real MinIO.
import { deepEqual, ok, rejects, test } from "../harness.ts";
import { type ChecksumAlgorithm, S3Error } from "../../mod.ts";
import { bytesOf, targets, withBucket } from "./testbed.ts";
import { checksumBase64 } from "../../src/crypto/checksum_compute.ts";

const MiB = 1024 * 1024;
const ALGORITHMS: ChecksumAlgorithm[] = ["CRC32", "CRC32C", "CRC64NVME", "SHA1", "SHA256"];

for (const t of targets) {
  test(`[${t.name}] uploads with each checksum are accepted, single PUT and multipart`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      for (const algorithm of ALGORITHMS) {
        for (const size of [1000, 11 * MiB]) {
          const name = `${algorithm}-${size}`;
          const w = await c.putObject(bucket, name, bytesOf(size, size), undefined, {
            checksum: algorithm,
            partSize: 5 * MiB,
          });
          ok(w.etag, name);
          const st = await c.statObject(bucket, name, { fetchChecksum: true });
          ok(st.checksums[algorithm], `${name} checksum stored`);
        }
      }
    });
  });

  test(`[${t.name}] CRC64NVME: MinIO keeps the full-object CRC we compute, also for multipart; fetchChecksum reads it`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      for (const size of [1000, 11 * MiB]) {
        const data = bytesOf(size, 7);
        await c.putObject(bucket, "o", data, undefined, {
          checksum: "CRC64NVME",
          partSize: 5 * MiB,
        });
        const want = await checksumBase64("CRC64NVME", data);
        const st = await c.statObject(bucket, "o", { fetchChecksum: true });
        deepEqual([st.checksums, st.checksumType], [{ CRC64NVME: want }, "FULL_OBJECT"]);
        const res = await c.getObject(bucket, "o", { fetchChecksum: true });
        await res.body.cancel();
        deepEqual(res.stat.checksums, { CRC64NVME: want });
        deepEqual((await c.statObject(bucket, "o")).checksums, {}, "sent only when asked");
      }
    });
  });

  test(`[${t.name}] a wrong checksum is refused by the server`, async () => {
    const c = t.client();
    await withBucket(c, async (bucket) => {
      const e = await c.putObject(bucket, "bad", "hello", undefined, {
        extraHeaders: { "x-amz-checksum-crc32": "AAAAAA==" },
      }).catch((e) => e);
      ok(e instanceof S3Error, String(e));
      deepEqual([e.code, e.status], ["XAmzContentChecksumMismatch", 400]);
      await rejects(
        c.statObject(bucket, "bad"),
        (x: unknown) => x instanceof S3Error && x.code === "NoSuchKey",
      );
    });
  });
}
