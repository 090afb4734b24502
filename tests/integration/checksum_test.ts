// Additional checksums (x-amz-checksum-*) verified by the real MinIO.
import { deepEqual, ok, rejects, test } from "../harness.ts";
import { type ChecksumAlgorithm, S3Error } from "../../mod.ts";
import { bytesOf, targets, withBucket } from "./testbed.ts";

const MiB = 1024 * 1024;
const ALGORITHMS: ChecksumAlgorithm[] = ["CRC32", "CRC32C", "SHA1", "SHA256"];

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
          const st = await c.statObject(bucket, name, {
            extraHeaders: { "x-amz-checksum-mode": "ENABLED" },
          });
          ok(
            st.headers.get(`x-amz-checksum-${algorithm.toLowerCase()}`),
            `${name} checksum stored`,
          );
        }
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
